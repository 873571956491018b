using Microsoft.EntityFrameworkCore.Migrations;
using ChangeAgentAcademy.Web.Data;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CohortsForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Orphans.Delete(migrationBuilder, "cohorts_members", "CohortId", "cohorts_cohorts", "Id");
            Orphans.Delete(migrationBuilder, "cohorts_requests", "CohortId", "cohorts_cohorts", "Id");
            Orphans.Delete(migrationBuilder, "cohorts_trainers", "CohortId", "cohorts_cohorts", "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_cohorts_members_cohorts_cohorts_CohortId",
                table: "cohorts_members",
                column: "CohortId",
                principalTable: "cohorts_cohorts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_cohorts_requests_cohorts_cohorts_CohortId",
                table: "cohorts_requests",
                column: "CohortId",
                principalTable: "cohorts_cohorts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_cohorts_trainers_cohorts_cohorts_CohortId",
                table: "cohorts_trainers",
                column: "CohortId",
                principalTable: "cohorts_cohorts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_cohorts_members_cohorts_cohorts_CohortId",
                table: "cohorts_members");

            migrationBuilder.DropForeignKey(
                name: "FK_cohorts_requests_cohorts_cohorts_CohortId",
                table: "cohorts_requests");

            migrationBuilder.DropForeignKey(
                name: "FK_cohorts_trainers_cohorts_cohorts_CohortId",
                table: "cohorts_trainers");
        }
    }
}
