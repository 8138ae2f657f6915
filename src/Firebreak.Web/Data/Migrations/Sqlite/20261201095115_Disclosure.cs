using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Firebreak.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Disclosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ActivelyExploited",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExploitedAt",
                table: "Incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdvisoryId",
                table: "IncidentAdvisories",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovedAt",
                table: "IncidentAdvisories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "IncidentAdvisories",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "IncidentAdvisories",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishAt",
                table: "IncidentAdvisories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "IncidentAdvisories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewRequestedAt",
                table: "IncidentAdvisories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewRequestedBy",
                table: "IncidentAdvisories",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RevisionCount",
                table: "IncidentAdvisories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "IncidentAdvisories",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "IncidentAdvisories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnReason",
                table: "IncidentAdvisories",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            // Advisories saved before the workflow existed: their project, their id from the document, and draft.
            migrationBuilder.Sql("""
                UPDATE "IncidentAdvisories" SET "ProjectId" = (SELECT "ProjectId" FROM "Incidents" WHERE "Incidents"."Id" = "IncidentAdvisories"."IncidentId"), "AdvisoryId" = COALESCE(json_extract("Document", '$.id'), "IncidentId"), "State" = 'Draft', "RevisionCount" = COALESCE(json_array_length("Document", '$.revisions'), 0);
                """);

            migrationBuilder.CreateTable(
                name: "DisclosureSettings",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrivateNoticeSubject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PrivateNoticeBody = table.Column<string>(type: "TEXT", nullable: false),
                    AnnouncementSubject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AnnouncementBody = table.Column<string>(type: "TEXT", nullable: false),
                    AdvisoryBody = table.Column<string>(type: "TEXT", nullable: false),
                    ChangelogLine = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PrivateRecipients = table.Column<string>(type: "TEXT", nullable: false),
                    PublicRecipients = table.Column<string>(type: "TEXT", nullable: false),
                    RepositoryOwners = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureSettings", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_DisclosureSettings_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAdvisories_ProjectId_AdvisoryId",
                table: "IncidentAdvisories",
                columns: new[] { "ProjectId", "AdvisoryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAdvisories_State_PublishAt",
                table: "IncidentAdvisories",
                columns: new[] { "State", "PublishAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_IncidentAdvisories_Projects_ProjectId",
                table: "IncidentAdvisories",
                column: "ProjectId",
                principalTable: "Projects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_IncidentAdvisories_Projects_ProjectId",
                table: "IncidentAdvisories");

            migrationBuilder.DropTable(
                name: "DisclosureSettings");

            migrationBuilder.DropIndex(
                name: "IX_IncidentAdvisories_ProjectId_AdvisoryId",
                table: "IncidentAdvisories");

            migrationBuilder.DropIndex(
                name: "IX_IncidentAdvisories_State_PublishAt",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "ActivelyExploited",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "ExploitedAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "AdvisoryId",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "PublishAt",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "ReviewRequestedAt",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "ReviewRequestedBy",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "RevisionCount",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "State",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "IncidentAdvisories");

            migrationBuilder.DropColumn(
                name: "WithdrawnReason",
                table: "IncidentAdvisories");
        }
    }
}
