using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CurriculumKit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ObjectivesHash",
                table: "curriculum_module_texts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObjectivesHtml",
                table: "curriculum_module_texts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "curriculum_kit_documents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Track = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_kit_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "curriculum_kit_texts",
                columns: table => new
                {
                    DocId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    TocHtml = table.Column<string>(type: "TEXT", nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_kit_texts", x => new { x.DocId, x.Language });
                });

            migrationBuilder.CreateTable(
                name: "curriculum_rubrics",
                columns: table => new
                {
                    LessonKey = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CriteriaJson = table.Column<string>(type: "TEXT", nullable: false),
                    GuidanceHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_curriculum_rubrics", x => new { x.LessonKey, x.Language });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "curriculum_kit_documents");

            migrationBuilder.DropTable(
                name: "curriculum_kit_texts");

            migrationBuilder.DropTable(
                name: "curriculum_rubrics");

            migrationBuilder.DropColumn(
                name: "ObjectivesHash",
                table: "curriculum_module_texts");

            migrationBuilder.DropColumn(
                name: "ObjectivesHtml",
                table: "curriculum_module_texts");
        }
    }
}
