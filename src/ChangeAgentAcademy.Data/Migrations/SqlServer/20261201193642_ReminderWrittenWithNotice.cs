using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReminderWrittenWithNotice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reminders claimed but not yet sent by the old two-step dispatcher are made again, with their notices, by the new one.
            migrationBuilder.Sql("DELETE FROM \"reflections_reminders\" WHERE \"NotifiedUtc\" IS NULL");

            migrationBuilder.DropIndex(
                name: "IX_reflections_reminders_ClaimToken",
                table: "reflections_reminders");

            migrationBuilder.DropIndex(
                name: "IX_reflections_reminders_NotifiedUtc_ClaimedUntilUtc",
                table: "reflections_reminders");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "reflections_reminders");

            migrationBuilder.DropColumn(
                name: "ClaimedUntilUtc",
                table: "reflections_reminders");

            migrationBuilder.DropColumn(
                name: "NotifiedUtc",
                table: "reflections_reminders");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClaimToken",
                table: "reflections_reminders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntilUtc",
                table: "reflections_reminders",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NotifiedUtc",
                table: "reflections_reminders",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_reflections_reminders_ClaimToken",
                table: "reflections_reminders",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_reflections_reminders_NotifiedUtc_ClaimedUntilUtc",
                table: "reflections_reminders",
                columns: new[] { "NotifiedUtc", "ClaimedUntilUtc" });
        }
    }
}
