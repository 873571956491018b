using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkshopsDeclineMessage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeclineMessage",
                table: "workshops_requests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            // Copies what the audit held into the new column (the audit entry stays, as the record of the event).
            migrationBuilder.Sql(@"UPDATE workshops_requests SET ""DeclineMessage"" = (SELECT substr(a.""Details"", 1, 1000) FROM core_audit AS a WHERE a.""Action"" = 'workshops.request-declined' AND a.""Subject"" = lower(workshops_requests.""Id"") ORDER BY a.""Id"" DESC LIMIT 1) WHERE ""Status"" = 'Declined' AND ""DeclineMessage"" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeclineMessage",
                table: "workshops_requests");
        }
    }
}
