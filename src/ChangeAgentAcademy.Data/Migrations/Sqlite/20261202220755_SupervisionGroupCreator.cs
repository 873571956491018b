using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionGroupCreator : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CreatedBy",
                table: "supervision_groups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_groups_CreatedBy",
                table: "supervision_groups",
                column: "CreatedBy");

            // Copies what the audit held into the new column (the audit entry stays, as the record of the event).
            migrationBuilder.Sql(@"UPDATE supervision_groups SET ""CreatedBy"" = (SELECT a.""ActorId"" FROM core_audit AS a WHERE a.""Action"" = 'supervision.group-created' AND a.""Subject"" = lower(supervision_groups.""Id"") AND a.""ActorId"" IS NOT NULL ORDER BY a.""Id"" LIMIT 1) WHERE ""CreatedBy"" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_supervision_groups_CreatedBy",
                table: "supervision_groups");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "supervision_groups");
        }
    }
}
