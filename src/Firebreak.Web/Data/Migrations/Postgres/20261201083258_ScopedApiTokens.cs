using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Firebreak.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScopedApiTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "ApiTokens",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "ApiTokens",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_ProjectId",
                table: "ApiTokens",
                column: "ProjectId");

            migrationBuilder.AddForeignKey(
                name: "FK_ApiTokens_Projects_ProjectId",
                table: "ApiTokens",
                column: "ProjectId",
                principalTable: "Projects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApiTokens_Projects_ProjectId",
                table: "ApiTokens");

            migrationBuilder.DropIndex(
                name: "IX_ApiTokens_ProjectId",
                table: "ApiTokens");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "ApiTokens");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "ApiTokens");
        }
    }
}
