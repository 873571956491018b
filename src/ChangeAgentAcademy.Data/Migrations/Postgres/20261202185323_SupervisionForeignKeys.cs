using Microsoft.EntityFrameworkCore.Migrations;
using ChangeAgentAcademy.Web.Data;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sessions first: a session whose group is gone takes its attendance, presenters and evaluations with it.
            Orphans.Delete(migrationBuilder, "supervision_sessions", "GroupId", "supervision_groups", "Id");
            Orphans.Delete(migrationBuilder, "supervision_attendance", "SessionId", "supervision_sessions", "Id");
            Orphans.Delete(migrationBuilder, "supervision_evaluations", "SessionId", "supervision_sessions", "Id");
            Orphans.Delete(migrationBuilder, "supervision_members", "GroupId", "supervision_groups", "Id");
            Orphans.Delete(migrationBuilder, "supervision_presenters", "SessionId", "supervision_sessions", "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_supervision_attendance_supervision_sessions_SessionId",
                table: "supervision_attendance",
                column: "SessionId",
                principalTable: "supervision_sessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_supervision_evaluations_supervision_sessions_SessionId",
                table: "supervision_evaluations",
                column: "SessionId",
                principalTable: "supervision_sessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_supervision_members_supervision_groups_GroupId",
                table: "supervision_members",
                column: "GroupId",
                principalTable: "supervision_groups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_supervision_presenters_supervision_sessions_SessionId",
                table: "supervision_presenters",
                column: "SessionId",
                principalTable: "supervision_sessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_supervision_sessions_supervision_groups_GroupId",
                table: "supervision_sessions",
                column: "GroupId",
                principalTable: "supervision_groups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_supervision_attendance_supervision_sessions_SessionId",
                table: "supervision_attendance");

            migrationBuilder.DropForeignKey(
                name: "FK_supervision_evaluations_supervision_sessions_SessionId",
                table: "supervision_evaluations");

            migrationBuilder.DropForeignKey(
                name: "FK_supervision_members_supervision_groups_GroupId",
                table: "supervision_members");

            migrationBuilder.DropForeignKey(
                name: "FK_supervision_presenters_supervision_sessions_SessionId",
                table: "supervision_presenters");

            migrationBuilder.DropForeignKey(
                name: "FK_supervision_sessions_supervision_groups_GroupId",
                table: "supervision_sessions");
        }
    }
}
