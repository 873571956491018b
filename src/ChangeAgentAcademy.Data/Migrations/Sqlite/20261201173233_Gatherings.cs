using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Gatherings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reflections_logs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    FollowsLogId = table.Column<long>(type: "INTEGER", nullable: true),
                    EventRef = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WorkId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_logs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_attendance",
                columns: table => new
                {
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_attendance", x => new { x.SessionId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "supervision_evaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Space = table.Column<int>(type: "INTEGER", nullable: false),
                    Frame = table.Column<int>(type: "INTEGER", nullable: false),
                    Usefulness = table.Column<int>(type: "INTEGER", nullable: false),
                    Safety = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_evaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SupervisorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EveryWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekday = table.Column<int>(type: "INTEGER", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PresentersPerSession = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluateEvery = table.Column<int>(type: "INTEGER", nullable: false),
                    Contract = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ContractVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_members",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeftUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgreedContractVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    AgreedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_members", x => new { x.GroupId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "supervision_presenters",
                columns: table => new
                {
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Swapped = table.Column<bool>(type: "INTEGER", nullable: false),
                    Presented = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_presenters", x => new { x.SessionId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "supervision_sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Adjusted = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotesMarkdown = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: true),
                    NotesHtml = table.Column<string>(type: "TEXT", nullable: true),
                    NotesBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    NotesUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PresentersNotifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workshops_bookings",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BookedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workshops_bookings", x => new { x.SessionId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "workshops_ideas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PdsaUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PdsaBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workshops_ideas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workshops_records",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Critique = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    VisionHowWeWork = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    VisionValues = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    VisionResidents = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workshops_records", x => x.SessionId);
                });

            migrationBuilder.CreateTable(
                name: "workshops_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeaderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false),
                    Wishes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workshops_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workshops_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    FacilitatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workshops_sessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reflections_logs_Origin",
                table: "reflections_logs",
                column: "Origin");

            migrationBuilder.CreateIndex(
                name: "IX_reflections_logs_UserId_Type",
                table: "reflections_logs",
                columns: new[] { "UserId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_evaluations_GroupId",
                table: "supervision_evaluations",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_evaluations_SessionId_UserId",
                table: "supervision_evaluations",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_groups_SupervisorId",
                table: "supervision_groups",
                column: "SupervisorId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_members_UserId",
                table: "supervision_members",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_presenters_UserId",
                table: "supervision_presenters",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_sessions_GroupId_StartsUtc",
                table: "supervision_sessions",
                columns: new[] { "GroupId", "StartsUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_sessions_PresentersNotifiedUtc_StartsUtc",
                table: "supervision_sessions",
                columns: new[] { "PresentersNotifiedUtc", "StartsUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_workshops_bookings_SessionId_Status_BookedUtc",
                table: "workshops_bookings",
                columns: new[] { "SessionId", "Status", "BookedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_workshops_bookings_UserId",
                table: "workshops_bookings",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_workshops_ideas_SessionId",
                table: "workshops_ideas",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_workshops_requests_LeaderId",
                table: "workshops_requests",
                column: "LeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_workshops_requests_Status_CreatedUtc",
                table: "workshops_requests",
                columns: new[] { "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_workshops_sessions_StartsUtc",
                table: "workshops_sessions",
                column: "StartsUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reflections_logs");

            migrationBuilder.DropTable(
                name: "supervision_attendance");

            migrationBuilder.DropTable(
                name: "supervision_evaluations");

            migrationBuilder.DropTable(
                name: "supervision_groups");

            migrationBuilder.DropTable(
                name: "supervision_members");

            migrationBuilder.DropTable(
                name: "supervision_presenters");

            migrationBuilder.DropTable(
                name: "supervision_sessions");

            migrationBuilder.DropTable(
                name: "workshops_bookings");

            migrationBuilder.DropTable(
                name: "workshops_ideas");

            migrationBuilder.DropTable(
                name: "workshops_records");

            migrationBuilder.DropTable(
                name: "workshops_requests");

            migrationBuilder.DropTable(
                name: "workshops_sessions");
        }
    }
}
