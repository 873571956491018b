using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Data.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Track = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PersonName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CohortStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SignedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Completed = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    IssuedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RevokedReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcomes_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outcomes_rules",
                columns: table => new
                {
                    Track = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AllReflectionsAccepted = table.Column<bool>(type: "bit", nullable: false),
                    AllPracticalsHandedIn = table.Column<bool>(type: "bit", nullable: false),
                    MinSupervisionSessions = table.Column<int>(type: "int", nullable: false),
                    MinWorkshops = table.Column<int>(type: "int", nullable: false),
                    LessonsPercent = table.Column<int>(type: "int", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
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
