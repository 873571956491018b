using Microsoft.EntityFrameworkCore.Migrations;
using ChangeAgentAcademy.Web.Data;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReflectionsForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Orphans.Delete(migrationBuilder, "reflections_reminders", "WorkId", "reflections_work", "Id");
            Orphans.Delete(migrationBuilder, "reflections_reviews", "WorkId", "reflections_work", "Id");
            Orphans.Delete(migrationBuilder, "reflections_submissions", "WorkId", "reflections_work", "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_reflections_reminders_reflections_work_WorkId",
                table: "reflections_reminders",
                column: "WorkId",
                principalTable: "reflections_work",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_reflections_reviews_reflections_work_WorkId",
                table: "reflections_reviews",
                column: "WorkId",
                principalTable: "reflections_work",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_reflections_submissions_reflections_work_WorkId",
                table: "reflections_submissions",
                column: "WorkId",
                principalTable: "reflections_work",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_reflections_reminders_reflections_work_WorkId",
                table: "reflections_reminders");

            migrationBuilder.DropForeignKey(
                name: "FK_reflections_reviews_reflections_work_WorkId",
                table: "reflections_reviews");

            migrationBuilder.DropForeignKey(
                name: "FK_reflections_submissions_reflections_work_WorkId",
                table: "reflections_submissions");
        }
    }
}
