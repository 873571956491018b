using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CoreAuditPaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_audit_Action_AtUtc",
                table: "core_audit");

            migrationBuilder.DropIndex(
                name: "IX_core_audit_ActorId_AtUtc",
                table: "core_audit");

            migrationBuilder.DropIndex(
                name: "IX_core_audit_AtUtc",
                table: "core_audit");

            migrationBuilder.DropIndex(
                name: "IX_core_audit_Subject_AtUtc",
                table: "core_audit");

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_Action_AtUtc_Id",
                table: "core_audit",
                columns: new[] { "Action", "AtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_ActorId_AtUtc_Id",
                table: "core_audit",
                columns: new[] { "ActorId", "AtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_AtUtc_Id",
                table: "core_audit",
                columns: new[] { "AtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_Subject_AtUtc_Id",
                table: "core_audit",
                columns: new[] { "Subject", "AtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_audit_Action_AtUtc_Id",
                table: "core_audit");

            migrationBuilder.DropIndex(
                name: "IX_core_audit_ActorId_AtUtc_Id",
                table: "core_audit");

            migrationBuilder.DropIndex(
                name: "IX_core_audit_AtUtc_Id",
                table: "core_audit");

            migrationBuilder.DropIndex(
                name: "IX_core_audit_Subject_AtUtc_Id",
                table: "core_audit");

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_Action_AtUtc",
                table: "core_audit",
                columns: new[] { "Action", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_ActorId_AtUtc",
                table: "core_audit",
                columns: new[] { "ActorId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_AtUtc",
                table: "core_audit",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_Subject_AtUtc",
                table: "core_audit",
                columns: new[] { "Subject", "AtUtc" });
        }
    }
}
