using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.Sqlite
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
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonKey = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_completions", x => new { x.UserId, x.LessonKey });
                });

            migrationBuilder.CreateTable(
                name: "curriculum_generation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_generation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "curriculum_import_conflicts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LessonKey = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    File = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IncomingHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IncomingTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IncomingReadingMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    IncomingPrompt = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    IncomingMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    DetectedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResolvedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_import_conflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "curriculum_lesson_states",
                columns: table => new
                {
                    LessonKey = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PublishedVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EditedSinceImport = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_lesson_states", x => new { x.LessonKey, x.Language });
                });

            migrationBuilder.CreateTable(
                name: "curriculum_lesson_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LessonKey = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReadingMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Markdown = table.Column<string>(type: "TEXT", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    TocHtml = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_lesson_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "curriculum_lessons",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    ModuleId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PracticalType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DueOffsetDays = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_lessons", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "curriculum_module_texts",
                columns: table => new
                {
                    ModuleId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IntroHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_module_texts", x => new { x.ModuleId, x.Language });
                });

            migrationBuilder.CreateTable(
                name: "curriculum_modules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Tracks = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
