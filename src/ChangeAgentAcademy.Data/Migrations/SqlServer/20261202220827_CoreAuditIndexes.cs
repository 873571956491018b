using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeAgentAcademy.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CoreAuditIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_core_audit_Action_AtUtc",
                table: "core_audit",
                columns: new[] { "Action", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_ActorId_AtUtc",
                table: "core_audit",
                columns: new[] { "ActorId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_Subject_AtUtc",
                table: "core_audit",
                columns: new[] { "Subject", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_audit_Action_AtUtc",
                table: "core_audit");

            migrationBuilder.DropIndex(
                name: "IX_core_audit_ActorId_AtUtc",
                table: "core_audit");

            migrationBuilder.DropIndex(
                name: "IX_core_audit_Subject_AtUtc",
                table: "core_audit");
        }
    }
}
