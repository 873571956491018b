using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CalendarTokenHashed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Tokens were stored in the clear and cannot be hashed portably here: every feed is renewed
            // (its owner makes a new address on the calendar page), so no plain token stays in the database.
            migrationBuilder.Sql("DELETE FROM reflections_calendar_feeds;");

            migrationBuilder.RenameColumn(
                name: "Token",
                table: "reflections_calendar_feeds",
                newName: "TokenHash");

            migrationBuilder.RenameIndex(
                name: "IX_reflections_calendar_feeds_Token",
                table: "reflections_calendar_feeds",
                newName: "IX_reflections_calendar_feeds_TokenHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hashes are no tokens: going back empties the feeds as well.
            migrationBuilder.Sql("DELETE FROM reflections_calendar_feeds;");

            migrationBuilder.RenameColumn(
                name: "TokenHash",
                table: "reflections_calendar_feeds",
                newName: "Token");

            migrationBuilder.RenameIndex(
                name: "IX_reflections_calendar_feeds_TokenHash",
                table: "reflections_calendar_feeds",
                newName: "IX_reflections_calendar_feeds_Token");
        }
    }
}
