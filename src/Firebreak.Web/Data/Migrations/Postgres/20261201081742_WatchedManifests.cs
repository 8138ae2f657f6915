using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Firebreak.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ids = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    OnReleasePath = table.Column<bool>(type: "boolean", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    LastCheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedIndexStamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ComponentCount = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ManifestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false),
                    Component = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AdvisoryId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ids = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FixedVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    KevCve = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    KevDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    KevRansomware = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Path = table.Column<string>(type: "text", nullable: false),
                    OnReleasePath = table.Column<bool>(type: "boolean", nullable: false),
                    HelpUri = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    FirstSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true)
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
