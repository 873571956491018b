using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Data.Migrations.SqlServer
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
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            // Copies what the audit held into the new column (the audit entry stays, as the record of the event).
            migrationBuilder.Sql(@"UPDATE r SET [DeclineMessage] = (SELECT TOP 1 LEFT(a.[Details], 1000) FROM [core_audit] AS a WHERE a.[Action] = N'workshops.request-declined' AND a.[Subject] = LOWER(CONVERT(nvarchar(36), r.[Id])) ORDER BY a.[Id] DESC) FROM [workshops_requests] AS r WHERE r.[Status] = N'Declined' AND r.[DeclineMessage] IS NULL;");
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
