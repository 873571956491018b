using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reflections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notifications_inbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Mail = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_preferences",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_preferences", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "reflections_calendar_feeds",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_calendar_feeds", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "reflections_digests",
                columns: table => new
                {
                    TrainerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Waiting = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_digests", x => new { x.TrainerId, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "reflections_dispatcher",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    MembershipStamp = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LastRunUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_dispatcher", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reflections_reminders",
                columns: table => new
                {
                    WorkId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NotifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_reminders", x => new { x.WorkId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "reflections_reviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkId = table.Column<long>(type: "bigint", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    TrainerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FeedbackMarkdown = table.Column<string>(type: "text", nullable: false),
                    FeedbackHtml = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reflections_schedule",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ModuleId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ModuleNumber = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReleaseUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReleasedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DatesMoved = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_schedule", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reflections_submissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    Findings = table.Column<int>(type: "integer", nullable: false),
                    SubmittedDespiteWarning = table.Column<bool>(type: "boolean", nullable: false),
                    SubmitToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reflections_work",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScheduledId = table.Column<long>(type: "bigint", nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HasExtension = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OverdueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Draft = table.Column<string>(type: "text", nullable: true),
                    DraftSavedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Versions = table.Column<int>(type: "integer", nullable: false),
                    LastSubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReleasedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_work", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_Key",
                table: "notifications_inbox",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_Mail_CreatedUtc",
                table: "notifications_inbox",
                columns: new[] { "Mail", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_UserId_ReadUtc_CreatedUtc",
                table: "notifications_inbox",
                columns: new[] { "UserId", "ReadUtc", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_reflections_calendar_feeds_Token",
                table: "reflections_calendar_feeds",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reflections_reminders_ClaimToken",
                table: "reflections_reminders",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_reflections_reminders_NotifiedUtc_ClaimedUntilUtc",
                table: "reflections_reminders",
                columns: new[] { "NotifiedUtc", "ClaimedUntilUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_reflections_reviews_WorkId",
                table: "reflections_reviews",
                column: "WorkId");

            migrationBuilder.CreateIndex(
                name: "IX_reflections_schedule_CohortId_LessonKey",
                table: "reflections_schedule",
                columns: new[] { "CohortId", "LessonKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reflections_schedule_ReleasedUtc_ReleaseUtc",
                table: "reflections_schedule",
                columns: new[] { "ReleasedUtc", "ReleaseUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_reflections_submissions_WorkId_Number",
                table: "reflections_submissions",
                columns: new[] { "WorkId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reflections_submissions_WorkId_SubmitToken",
                table: "reflections_submissions",
                columns: new[] { "WorkId", "SubmitToken" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reflections_work_Active_Status_DueUtc",
                table: "reflections_work",
                columns: new[] { "Active", "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_reflections_work_CohortId_Status_LastSubmittedUtc",
                table: "reflections_work",
                columns: new[] { "CohortId", "Status", "LastSubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_reflections_work_ScheduledId_UserId",
                table: "reflections_work",
                columns: new[] { "ScheduledId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reflections_work_UserId_CohortId",
                table: "reflections_work",
                columns: new[] { "UserId", "CohortId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications_inbox");

            migrationBuilder.DropTable(
                name: "notifications_preferences");

            migrationBuilder.DropTable(
                name: "reflections_calendar_feeds");

            migrationBuilder.DropTable(
                name: "reflections_digests");

            migrationBuilder.DropTable(
                name: "reflections_dispatcher");

            migrationBuilder.DropTable(
                name: "reflections_reminders");

            migrationBuilder.DropTable(
                name: "reflections_reviews");

            migrationBuilder.DropTable(
                name: "reflections_schedule");

            migrationBuilder.DropTable(
                name: "reflections_submissions");

            migrationBuilder.DropTable(
                name: "reflections_work");
        }
    }
}
