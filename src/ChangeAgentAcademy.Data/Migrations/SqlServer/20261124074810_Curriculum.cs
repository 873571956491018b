using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Curriculum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "curriculum_completions",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LessonKey = table.Column<string>(type: "nvarchar(201)", maxLength: 201, nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_completions", x => new { x.UserId, x.LessonKey });
                });

            migrationBuilder.CreateTable(
                name: "curriculum_generation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_generation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "curriculum_import_conflicts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LessonKey = table.Column<string>(type: "nvarchar(201)", maxLength: 201, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    File = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    IncomingHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    IncomingTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IncomingReadingMinutes = table.Column<int>(type: "int", nullable: false),
                    IncomingPrompt = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    IncomingMarkdown = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DetectedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Resolution = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ResolvedUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_import_conflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "curriculum_lesson_states",
                columns: table => new
                {
                    LessonKey = table.Column<string>(type: "nvarchar(201)", maxLength: 201, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    PublishedVersionId = table.Column<long>(type: "bigint", nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    ImportedHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    EditedSinceImport = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_lesson_states", x => new { x.LessonKey, x.Language });
                });

            migrationBuilder.CreateTable(
                name: "curriculum_lesson_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LessonKey = table.Column<string>(type: "nvarchar(201)", maxLength: 201, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ReadingMinutes = table.Column<int>(type: "int", nullable: false),
                    Prompt = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Markdown = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Html = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TocHtml = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_lesson_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "curriculum_lessons",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(201)", maxLength: 201, nullable: false),
                    ModuleId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PracticalType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    DueOffsetDays = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_lessons", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "curriculum_module_texts",
                columns: table => new
                {
                    ModuleId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    IntroHtml = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_module_texts", x => new { x.ModuleId, x.Language });
                });

            migrationBuilder.CreateTable(
                name: "curriculum_modules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Tracks = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_modules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_curriculum_import_conflicts_LessonKey_Language",
                table: "curriculum_import_conflicts",
                columns: new[] { "LessonKey", "Language" });

            migrationBuilder.CreateIndex(
                name: "IX_curriculum_lesson_versions_LessonKey_Language_Number",
                table: "curriculum_lesson_versions",
                columns: new[] { "LessonKey", "Language", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_curriculum_lessons_ModuleId",
                table: "curriculum_lessons",
                column: "ModuleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "curriculum_completions");

            migrationBuilder.DropTable(
                name: "curriculum_generation");

            migrationBuilder.DropTable(
                name: "curriculum_import_conflicts");

            migrationBuilder.DropTable(
                name: "curriculum_lesson_states");

            migrationBuilder.DropTable(
                name: "curriculum_lesson_versions");

            migrationBuilder.DropTable(
                name: "curriculum_lessons");

            migrationBuilder.DropTable(
                name: "curriculum_module_texts");

            migrationBuilder.DropTable(
                name: "curriculum_modules");
        }
    }
}
