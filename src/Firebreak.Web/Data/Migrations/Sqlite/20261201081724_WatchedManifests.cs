using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Firebreak.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WatchedManifests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdvisoryIncidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ids = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisoryIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisoryIncidents_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WatchedManifests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    OnReleasePath = table.Column<bool>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    LastCheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedIndexStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ComponentCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchedManifests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WatchedManifests_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DependencyFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ManifestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AdvisoryId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Ids = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FixedVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    KevCve = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    KevDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    KevRansomware = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    OnReleasePath = table.Column<bool>(type: "INTEGER", nullable: false),
                    HelpUri = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    FirstSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DependencyFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DependencyFindings_WatchedManifests_ManifestId",
                        column: x => x.ManifestId,
                        principalTable: "WatchedManifests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdvisoryIncidents_IncidentId",
                table: "AdvisoryIncidents",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_AdvisoryIncidents_ProjectId",
                table: "AdvisoryIncidents",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DependencyFindings_ManifestId_Key",
                table: "DependencyFindings",
                columns: new[] { "ManifestId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DependencyFindings_ProjectId_ResolvedAt",
                table: "DependencyFindings",
                columns: new[] { "ProjectId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WatchedManifests_ProjectId_Name",
                table: "WatchedManifests",
                columns: new[] { "ProjectId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvisoryIncidents");

            migrationBuilder.DropTable(
                name: "DependencyFindings");

            migrationBuilder.DropTable(
                name: "WatchedManifests");
        }
    }
}
