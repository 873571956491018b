using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutcomesInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outcomes_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Track = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    CohortName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CohortStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Completed = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IssuedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RevokedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcomes_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outcomes_rules",
                columns: table => new
                {
                    Track = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AllReflectionsAccepted = table.Column<bool>(type: "boolean", nullable: false),
                    AllPracticalsHandedIn = table.Column<bool>(type: "boolean", nullable: false),
                    MinSupervisionSessions = table.Column<int>(type: "integer", nullable: false),
                    MinWorkshops = table.Column<int>(type: "integer", nullable: false),
                    LessonsPercent = table.Column<int>(type: "integer", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcomes_rules", x => x.Track);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outcomes_certificates_Code",
                table: "outcomes_certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outcomes_certificates_PersonId_Track",
                table: "outcomes_certificates",
                columns: new[] { "PersonId", "Track" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outcomes_certificates");

            migrationBuilder.DropTable(
                name: "outcomes_rules");
        }
    }
}
