using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReflectionsRubricMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reflections_rubric_marks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_rubric_marks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reflections_rubric_marks_reflections_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "reflections_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reflections_saved_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflections_saved_comments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reflections_rubric_marks_SubmissionId_CriterionId",
                table: "reflections_rubric_marks",
                columns: new[] { "SubmissionId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reflections_rubric_marks_TrainerId",
                table: "reflections_rubric_marks",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_reflections_saved_comments_OwnerId",
                table: "reflections_saved_comments",
                column: "OwnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reflections_rubric_marks");

            migrationBuilder.DropTable(
                name: "reflections_saved_comments");
        }
    }
}
