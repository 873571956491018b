using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Data.Migrations.SqlServer
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
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_groups_CreatedBy",
                table: "supervision_groups",
                column: "CreatedBy");

            // Copies what the audit held into the new column (the audit entry stays, as the record of the event).
            migrationBuilder.Sql(@"UPDATE g SET [CreatedBy] = (SELECT TOP 1 a.[ActorId] FROM [core_audit] AS a WHERE a.[Action] = N'supervision.group-created' AND a.[Subject] = LOWER(CONVERT(nvarchar(36), g.[Id])) AND a.[ActorId] IS NOT NULL ORDER BY a.[Id]) FROM [supervision_groups] AS g WHERE g.[CreatedBy] IS NULL;");
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
