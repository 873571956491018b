using Microsoft.EntityFrameworkCore.Migrations;
using ChangeAgentAcademy.Web.Data;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkshopsForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Orphans.Delete(migrationBuilder, "workshops_bookings", "SessionId", "workshops_sessions", "Id");
            Orphans.Delete(migrationBuilder, "workshops_ideas", "SessionId", "workshops_sessions", "Id");
            Orphans.Delete(migrationBuilder, "workshops_records", "SessionId", "workshops_sessions", "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_workshops_bookings_workshops_sessions_SessionId",
                table: "workshops_bookings",
                column: "SessionId",
                principalTable: "workshops_sessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_workshops_ideas_workshops_sessions_SessionId",
                table: "workshops_ideas",
                column: "SessionId",
                principalTable: "workshops_sessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_workshops_records_workshops_sessions_SessionId",
                table: "workshops_records",
                column: "SessionId",
                principalTable: "workshops_sessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_workshops_bookings_workshops_sessions_SessionId",
                table: "workshops_bookings");

            migrationBuilder.DropForeignKey(
                name: "FK_workshops_ideas_workshops_sessions_SessionId",
                table: "workshops_ideas");

            migrationBuilder.DropForeignKey(
                name: "FK_workshops_records_workshops_sessions_SessionId",
                table: "workshops_records");
        }
    }
}
