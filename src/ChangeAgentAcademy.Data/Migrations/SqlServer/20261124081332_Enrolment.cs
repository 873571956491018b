using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Enrolment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChangedBy",
                table: "cohorts_members",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedUtc",
                table: "cohorts_members",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "cohorts_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cohorts_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cohorts_members_CohortId_Status_EnrolledUtc",
                table: "cohorts_members",
                columns: new[] { "CohortId", "Status", "EnrolledUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_cohorts_requests_CohortId_Status",
                table: "cohorts_requests",
                columns: new[] { "CohortId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cohorts_requests_UserId_Status",
                table: "cohorts_requests",
                columns: new[] { "UserId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cohorts_requests");

            migrationBuilder.DropIndex(
                name: "IX_cohorts_members_CohortId_Status_EnrolledUtc",
                table: "cohorts_members");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "cohorts_members");

            migrationBuilder.DropColumn(
                name: "ChangedUtc",
                table: "cohorts_members");
        }
    }
}
