CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "IsAdmin" INTEGER NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditChain" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditChain" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Detail" BLOB NOT NULL,
    "EntryDigest" TEXT NOT NULL,
    "HashFormat" INTEGER NOT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "DataKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataKeys" PRIMARY KEY,
    "Wrapped" BLOB NOT NULL,
    "WrappedUnder" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "WrappedAt" TEXT NOT NULL
);

CREATE TABLE "NoticeMarks" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_NoticeMarks" PRIMARY KEY,
    "Event" TEXT NOT NULL,
    "At" TEXT NOT NULL
);

CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "ProjectId" TEXT NOT NULL,
    "IncidentId" TEXT NULL,
    "Event" TEXT NOT NULL,
    "Title" BLOB NOT NULL,
    "Severity" TEXT NULL,
    "Link" TEXT NOT NULL,
    "DedupKey" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL
);

CREATE TABLE "NotificationSettings" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_NotificationSettings" PRIMARY KEY,
    "EmailEvents" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "Outbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY,
    "DedupKey" TEXT NOT NULL,
    "To" BLOB NOT NULL,
    "Subject" BLOB NOT NULL,
    "TextBody" BLOB NOT NULL,
    "HtmlBody" BLOB NULL,
    "Purpose" TEXT NOT NULL,
    "IncidentId" TEXT NULL,
    "ProjectId" TEXT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LeasedUntil" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL
);

CREATE TABLE "Projects" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Projects" PRIMARY KEY,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "RepositoryUrl" TEXT NULL,
    "CveOrgId" TEXT NULL,
    "Policy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Packages" TEXT NOT NULL,
    "SecurityContacts" TEXT NOT NULL
);

CREATE TABLE "SpentPasskeyChallenges" (
    "Hash" BLOB NOT NULL CONSTRAINT "PK_SpentPasskeyChallenges" PRIMARY KEY,
    "KeepUntil" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserPasskeys" (
    "CredentialId" BLOB NOT NULL CONSTRAINT "PK_AspNetUserPasskeys" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "LastUsedAt" TEXT NULL,
    "Data" TEXT NOT NULL,
    CONSTRAINT "FK_AspNetUserPasskeys_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OutboxAttempts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxAttempts" PRIMARY KEY,
    "MessageId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Succeeded" INTEGER NOT NULL,
    "Error" TEXT NULL,
    CONSTRAINT "FK_OutboxAttempts_Outbox_MessageId" FOREIGN KEY ("MessageId") REFERENCES "Outbox" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ApiToken" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiToken" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "ProjectId" TEXT NULL,
    "Role" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastUsedAt" TEXT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_ApiToken_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ApiToken_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ChatChannels" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ChatChannels" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Address" BLOB NOT NULL,
    "Destination" TEXT NOT NULL,
    "RoomId" TEXT NULL,
    "Secret" TEXT NULL,
    "Private" INTEGER NOT NULL,
    "Events" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ChatChannels_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DisclosureSettings" (
    "ProjectId" TEXT NOT NULL CONSTRAINT "PK_DisclosureSettings" PRIMARY KEY,
    "PrivateNoticeSubject" TEXT NOT NULL,
    "PrivateNoticeBody" TEXT NOT NULL,
    "AnnouncementSubject" TEXT NOT NULL,
    "AnnouncementBody" TEXT NOT NULL,
    "AdvisoryBody" TEXT NOT NULL,
    "ChangelogLine" TEXT NOT NULL,
    "PrivateRecipients" TEXT NOT NULL,
    "PublicRecipients" TEXT NOT NULL,
    "RepositoryOwners" TEXT NOT NULL,
    "OsvPrefix" TEXT NULL,
    CONSTRAINT "FK_DisclosureSettings_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Incidents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Incidents" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" BLOB NOT NULL,
    "Summary" BLOB NOT NULL,
    "RequestedSeverity" TEXT NOT NULL,
    "Severity" TEXT NOT NULL,
    "SeverityReason" TEXT NULL,
    "UserSafetyClass" TEXT NULL,
    "Stage" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "OpenedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ReporterContact" BLOB NULL,
    "ReporterCredit" TEXT NULL,
    "ReporterCreditName" BLOB NULL,
    "ReporterConsent" INTEGER NULL,
    "Details" BLOB NOT NULL,
    "ActivelyExploited" INTEGER NOT NULL,
    "ExploitedAt" TEXT NULL,
    "DuplicateOf" TEXT NULL,
    "Releases" TEXT NULL,
    "Runs" TEXT NULL,
    CONSTRAINT "FK_Incidents_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "IntakeSettings" (
    "ProjectId" TEXT NOT NULL CONSTRAINT "PK_IntakeSettings" PRIMARY KEY,
    "Accepting" INTEGER NOT NULL,
    "AutoAcknowledge" INTEGER NOT NULL,
    "ConfirmReporterEmail" INTEGER NOT NULL,
    "AcknowledgementSubject" TEXT NOT NULL,
    "AcknowledgementBody" TEXT NOT NULL,
    CONSTRAINT "FK_IntakeSettings_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectCounters" (
    "ProjectId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Last" INTEGER NOT NULL,
    CONSTRAINT "PK_ProjectCounters" PRIMARY KEY ("ProjectId", "Name"),
    CONSTRAINT "FK_ProjectCounters_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectIntegrations" (
    "ProjectId" TEXT NOT NULL CONSTRAINT "PK_ProjectIntegrations" PRIMARY KEY,
    "GitHubSecret" TEXT NULL,
    "GitHubSecretSetAt" TEXT NULL,
    "GitHubSecretSetBy" TEXT NULL,
    "GenericSecret" TEXT NULL,
    "GenericSecretSetAt" TEXT NULL,
    "GenericSecretSetBy" TEXT NULL,
    "AllowedReleasers" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ProjectIntegrations_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectMembers" (
    "ProjectId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "AddedAt" TEXT NOT NULL,
    "Role" TEXT NOT NULL DEFAULT 'IncidentManager',
    CONSTRAINT "PK_ProjectMembers" PRIMARY KEY ("ProjectId", "UserId"),
    CONSTRAINT "FK_ProjectMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProjectMembers_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RiskEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RiskEntries" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" BLOB NOT NULL,
    "CategoryMask" INTEGER NOT NULL,
    "Asset" BLOB NOT NULL,
    "Threat" BLOB NOT NULL,
    "Likelihood" INTEGER NOT NULL,
    "Impact" INTEGER NOT NULL,
    "Rating" INTEGER NOT NULL,
    "Mitigations" BLOB NOT NULL,
    "Owner" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AcceptedUntil" TEXT NULL,
    "AcceptedBy" TEXT NULL,
    "TransferredTo" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_RiskEntries_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WatchedManifests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WatchedManifests" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "OnReleasePath" INTEGER NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "LastCheckedAt" TEXT NULL,
    "CheckedIndexStamp" TEXT NULL,
    "ComponentCount" INTEGER NOT NULL,
    CONSTRAINT "FK_WatchedManifests_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ChatDeliveries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ChatDeliveries" PRIMARY KEY,
    "ChannelId" TEXT NOT NULL,
    "ProjectId" TEXT NOT NULL,
    "DedupeKey" TEXT NOT NULL,
    "EventKind" TEXT NOT NULL,
    "Severity" TEXT NULL,
    "Summary" BLOB NOT NULL,
    "Detail" BLOB NULL,
    "Link" TEXT NOT NULL,
    "OccurredAt" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LeasedUntil" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "DeliveredAt" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_ChatDeliveries_ChatChannels_ChannelId" FOREIGN KEY ("ChannelId") REFERENCES "ChatChannels" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ActionItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ActionItems" PRIMARY KEY,
    "IncidentId" TEXT NOT NULL,
    "ProjectId" TEXT NOT NULL,
    "Title" BLOB NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "Link" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Reason" BLOB NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ActionItems_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ActionItems_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "HeldReports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HeldReports" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "Title" BLOB NOT NULL,
    "Description" BLOB NULL,
    "AffectedVersions" BLOB NULL,
    "CvssVector" TEXT NULL,
    "Contact" BLOB NOT NULL,
    "Credit" TEXT NULL,
    "CreditName" TEXT NULL,
    "Consent" INTEGER NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "IncidentId" TEXT NULL,
    CONSTRAINT "FK_HeldReports_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_HeldReports_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "HookDeliveries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HookDeliveries" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "DeliveryId" TEXT NOT NULL,
    "Event" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Verdict" BLOB NOT NULL,
    "IncidentId" TEXT NULL,
    "ReceivedAt" TEXT NOT NULL,
    CONSTRAINT "FK_HookDeliveries_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_HookDeliveries_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IncidentAdvisories" (
    "IncidentId" TEXT NOT NULL CONSTRAINT "PK_IncidentAdvisories" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "AdvisoryId" TEXT NOT NULL,
    "Document" BLOB NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "ReviewRequestedBy" TEXT NULL,
    "ReviewRequestedAt" TEXT NULL,
    "ApprovedBy" TEXT NULL,
    "ApprovedAt" TEXT NULL,
    "PublishAt" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawnReason" TEXT NULL,
    "ReviewedDocument" BLOB NULL,
    "ReviewedVersion" INTEGER NULL,
    "ReturnedBy" TEXT NULL,
    "ReturnedReason" BLOB NULL,
    "ReturnedAt" TEXT NULL,
    "RevisionCount" INTEGER NOT NULL,
    CONSTRAINT "FK_IncidentAdvisories_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IncidentAdvisories_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IncidentAliases" (
    "ProjectId" TEXT NOT NULL,
    "Alias" TEXT NOT NULL,
    "IncidentId" TEXT NOT NULL,
    "AddedAt" TEXT NOT NULL,
    CONSTRAINT "PK_IncidentAliases" PRIMARY KEY ("ProjectId", "Alias"),
    CONSTRAINT "FK_IncidentAliases_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IncidentAssignments" (
    "Role" TEXT NOT NULL,
    "IncidentId" TEXT NOT NULL,
    "Person" TEXT NOT NULL,
    CONSTRAINT "PK_IncidentAssignments" PRIMARY KEY ("IncidentId", "Role"),
    CONSTRAINT "FK_IncidentAssignments_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IncidentClocks" (
    "Kind" TEXT NOT NULL,
    "IncidentId" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "StoppedAt" TEXT NULL,
    CONSTRAINT "PK_IncidentClocks" PRIMARY KEY ("IncidentId", "Kind"),
    CONSTRAINT "FK_IncidentClocks_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IncidentCollaborator" (
    "IncidentId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "AddedAt" TEXT NOT NULL,
    "AddedBy" TEXT NOT NULL,
    CONSTRAINT "PK_IncidentCollaborator" PRIMARY KEY ("IncidentId", "UserId"),
    CONSTRAINT "FK_IncidentCollaborator_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IncidentCollaborator_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PostMortems" (
    "IncidentId" TEXT NOT NULL CONSTRAINT "PK_PostMortems" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Document" BLOB NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "SignedOffAt" TEXT NULL,
    "SignedOffBy" TEXT NULL,
    CONSTRAINT "FK_PostMortems_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PostMortems_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReporterLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReporterLinks" PRIMARY KEY,
    "IncidentId" TEXT NOT NULL,
    "ProjectId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_ReporterLinks_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReportMessages" PRIMARY KEY,
    "IncidentId" TEXT NOT NULL,
    "FromReporter" INTEGER NOT NULL,
    "Author" TEXT NOT NULL,
    "Body" BLOB NOT NULL,
    "Shared" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    CONSTRAINT "FK_ReportMessages_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Timeline" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Timeline" PRIMARY KEY,
    "IncidentId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Text" BLOB NOT NULL,
    CONSTRAINT "FK_Timeline_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RiskIncidents" (
    "IncidentId" TEXT NOT NULL,
    "RiskEntryId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "LinkedAt" TEXT NOT NULL,
    CONSTRAINT "PK_RiskIncidents" PRIMARY KEY ("RiskEntryId", "IncidentId"),
    CONSTRAINT "FK_RiskIncidents_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RiskIncidents_RiskEntries_RiskEntryId" FOREIGN KEY ("RiskEntryId") REFERENCES "RiskEntries" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DependencyFindings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DependencyFindings" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "ManifestId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Component" TEXT NOT NULL,
    "AdvisoryId" TEXT NOT NULL,
    "Ids" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "FixedVersion" TEXT NULL,
    "Severity" TEXT NOT NULL,
    "Score" REAL NULL,
    "KevCve" TEXT NULL,
    "KevDueDate" TEXT NULL,
    "KevRansomware" TEXT NULL,
    "Path" TEXT NOT NULL,
    "OnReleasePath" INTEGER NOT NULL,
    "HelpUri" TEXT NULL,
    "FirstSeenAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "ResolvedAt" TEXT NULL,
    "IncidentId" TEXT NULL,
    "Suppressed" TEXT NULL,
    CONSTRAINT "FK_DependencyFindings_WatchedManifests_ManifestId" FOREIGN KEY ("ManifestId") REFERENCES "WatchedManifests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ChatDeliveryAttempts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ChatDeliveryAttempts" PRIMARY KEY,
    "DeliveryId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Status" INTEGER NULL,
    "Succeeded" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "Milliseconds" INTEGER NOT NULL,
    CONSTRAINT "FK_ChatDeliveryAttempts_ChatDeliveries_DeliveryId" FOREIGN KEY ("DeliveryId") REFERENCES "ChatDeliveries" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportAttachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReportAttachments" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "IncidentId" TEXT NULL,
    "HeldReportId" TEXT NULL,
    "FileName" BLOB NOT NULL,
    "Type" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_ReportAttachments_HeldReports_HeldReportId" FOREIGN KEY ("HeldReportId") REFERENCES "HeldReports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReportAttachments_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ActionItems_IncidentId_CreatedAt" ON "ActionItems" ("IncidentId", "CreatedAt");

CREATE INDEX "IX_ActionItems_OwnerId_Status_DueAt" ON "ActionItems" ("OwnerId", "Status", "DueAt");

CREATE INDEX "IX_ActionItems_ProjectId_Status_DueAt" ON "ActionItems" ("ProjectId", "Status", "DueAt");

CREATE UNIQUE INDEX "IX_ApiToken_Hash" ON "ApiToken" ("Hash");

CREATE INDEX "IX_ApiToken_ProjectId" ON "ApiToken" ("ProjectId");

CREATE INDEX "IX_ApiToken_UserId" ON "ApiToken" ("UserId");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserPasskeys_UserId" ON "AspNetUserPasskeys" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditChain_Action_Subject" ON "AuditChain" ("Action", "Subject");

CREATE UNIQUE INDEX "IX_AuditChain_Sequence" ON "AuditChain" ("Sequence");

CREATE INDEX "IX_ChatChannels_ProjectId" ON "ChatChannels" ("ProjectId");

CREATE UNIQUE INDEX "IX_ChatDeliveries_ChannelId_DedupeKey" ON "ChatDeliveries" ("ChannelId", "DedupeKey");

CREATE INDEX "IX_ChatDeliveries_CreatedAt" ON "ChatDeliveries" ("CreatedAt");

CREATE INDEX "IX_ChatDeliveries_State_NextAttemptAt" ON "ChatDeliveries" ("State", "NextAttemptAt");

CREATE INDEX "IX_ChatDeliveryAttempts_DeliveryId" ON "ChatDeliveryAttempts" ("DeliveryId");

CREATE UNIQUE INDEX "IX_DependencyFindings_ManifestId_Key" ON "DependencyFindings" ("ManifestId", "Key");

CREATE INDEX "IX_DependencyFindings_ProjectId_ResolvedAt" ON "DependencyFindings" ("ProjectId", "ResolvedAt");

CREATE INDEX "IX_HeldReports_IncidentId" ON "HeldReports" ("IncidentId");

CREATE INDEX "IX_HeldReports_ProjectId_ReceivedAt" ON "HeldReports" ("ProjectId", "ReceivedAt");

CREATE UNIQUE INDEX "IX_HeldReports_TokenHash" ON "HeldReports" ("TokenHash");

CREATE INDEX "IX_HookDeliveries_IncidentId" ON "HookDeliveries" ("IncidentId");

CREATE INDEX "IX_HookDeliveries_ProjectId_ReceivedAt" ON "HookDeliveries" ("ProjectId", "ReceivedAt");

CREATE UNIQUE INDEX "IX_HookDeliveries_ProjectId_Source_DeliveryId" ON "HookDeliveries" ("ProjectId", "Source", "DeliveryId");

CREATE UNIQUE INDEX "IX_IncidentAdvisories_ProjectId_AdvisoryId" ON "IncidentAdvisories" ("ProjectId", "AdvisoryId");

CREATE INDEX "IX_IncidentAdvisories_State_PublishAt" ON "IncidentAdvisories" ("State", "PublishAt");

CREATE INDEX "IX_IncidentAliases_IncidentId" ON "IncidentAliases" ("IncidentId");

CREATE INDEX "IX_IncidentClocks_DueAt" ON "IncidentClocks" ("DueAt");

CREATE INDEX "IX_IncidentCollaborator_UserId" ON "IncidentCollaborator" ("UserId");

CREATE INDEX "IX_Incidents_ProjectId_Kind_OpenedAt" ON "Incidents" ("ProjectId", "Kind", "OpenedAt");

CREATE UNIQUE INDEX "IX_Incidents_ProjectId_Number" ON "Incidents" ("ProjectId", "Number");

CREATE INDEX "IX_Incidents_ProjectId_Stage" ON "Incidents" ("ProjectId", "Stage");

CREATE INDEX "IX_Notifications_IncidentId" ON "Notifications" ("IncidentId");

CREATE UNIQUE INDEX "IX_Notifications_UserId_DedupKey" ON "Notifications" ("UserId", "DedupKey");

CREATE INDEX "IX_Notifications_UserId_ReadAt_CreatedAt" ON "Notifications" ("UserId", "ReadAt", "CreatedAt");

CREATE UNIQUE INDEX "IX_Outbox_DedupKey" ON "Outbox" ("DedupKey");

CREATE INDEX "IX_Outbox_IncidentId" ON "Outbox" ("IncidentId");

CREATE INDEX "IX_Outbox_State_NextAttemptAt" ON "Outbox" ("State", "NextAttemptAt");

CREATE INDEX "IX_OutboxAttempts_MessageId" ON "OutboxAttempts" ("MessageId");

CREATE INDEX "IX_PostMortems_ProjectId" ON "PostMortems" ("ProjectId");

CREATE INDEX "IX_ProjectMembers_UserId" ON "ProjectMembers" ("UserId");

CREATE UNIQUE INDEX "IX_Projects_Slug" ON "Projects" ("Slug");

CREATE INDEX "IX_ReportAttachments_HeldReportId" ON "ReportAttachments" ("HeldReportId");

CREATE INDEX "IX_ReportAttachments_IncidentId" ON "ReportAttachments" ("IncidentId");

CREATE INDEX "IX_ReporterLinks_IncidentId" ON "ReporterLinks" ("IncidentId");

CREATE UNIQUE INDEX "IX_ReporterLinks_TokenHash" ON "ReporterLinks" ("TokenHash");

CREATE UNIQUE INDEX "IX_ReportMessages_IncidentId_Sequence" ON "ReportMessages" ("IncidentId", "Sequence");

CREATE UNIQUE INDEX "IX_RiskEntries_ProjectId_Number" ON "RiskEntries" ("ProjectId", "Number");

CREATE INDEX "IX_RiskEntries_ProjectId_Status" ON "RiskEntries" ("ProjectId", "Status");

CREATE INDEX "IX_RiskIncidents_IncidentId" ON "RiskIncidents" ("IncidentId");

CREATE INDEX "IX_SpentPasskeyChallenges_KeepUntil" ON "SpentPasskeyChallenges" ("KeepUntil");

CREATE UNIQUE INDEX "IX_Timeline_IncidentId_Sequence" ON "Timeline" ("IncidentId", "Sequence");

CREATE UNIQUE INDEX "IX_WatchedManifests_ProjectId_Name" ON "WatchedManifests" ("ProjectId", "Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207101240_Baseline', '10.0.15');

COMMIT;

