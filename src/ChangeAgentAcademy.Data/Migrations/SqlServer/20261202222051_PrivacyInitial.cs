using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PrivacyInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "privacy_erasure_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WaitingFor = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacy_erasure_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "privacy_exports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadyUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ExpiresUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacy_exports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_privacy_erasure_requests_Status_RequestedUtc",
                table: "privacy_erasure_requests",
                columns: new[] { "Status", "RequestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_privacy_erasure_requests_UserId",
                table: "privacy_erasure_requests",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_privacy_erasure_requests_WaitingFor",
                table: "privacy_erasure_requests",
                column: "WaitingFor",
                unique: true,
                filter: "[WaitingFor] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_privacy_exports_RequestedBy",
                table: "privacy_exports",
                column: "RequestedBy");

            migrationBuilder.CreateIndex(
                name: "IX_privacy_exports_Status_ExpiresUtc",
                table: "privacy_exports",
                columns: new[] { "Status", "ExpiresUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_privacy_exports_UserId",
                table: "privacy_exports",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "privacy_erasure_requests");

            migrationBuilder.DropTable(
                name: "privacy_exports");
        }
    }
}
