CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "AspNetRoles" (
        "Id" text NOT NULL,
        "Name" character varying(256),
        "NormalizedName" character varying(256),
        "ConcurrencyStamp" text,
        CONSTRAINT "PK_AspNetRoles" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "AspNetUsers" (
        "Id" text NOT NULL,
        "IsAdmin" boolean NOT NULL,
        "TimeZone" text NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "UserName" character varying(256),
        "NormalizedUserName" character varying(256),
        "Email" character varying(256),
        "NormalizedEmail" character varying(256),
        "EmailConfirmed" boolean NOT NULL,
        "PasswordHash" text,
        "SecurityStamp" text,
        "ConcurrencyStamp" text,
        "PhoneNumber" character varying(256),
        "PhoneNumberConfirmed" boolean NOT NULL,
        "TwoFactorEnabled" boolean NOT NULL,
        "LockoutEnd" timestamp with time zone,
        "LockoutEnabled" boolean NOT NULL,
        "AccessFailedCount" integer NOT NULL,
        CONSTRAINT "PK_AspNetUsers" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "AuditChain" (
        "Id" uuid NOT NULL,
        "Sequence" bigint NOT NULL,
        "At" timestamp with time zone NOT NULL,
        "Actor" character varying(320) NOT NULL,
        "Action" character varying(64) NOT NULL,
        "Subject" character varying(200) NOT NULL,
        "Detail" bytea NOT NULL,
        "EntryDigest" character varying(64) NOT NULL,
        "HashFormat" integer NOT NULL,
        "PreviousHash" character varying(64) NOT NULL,
        "Hash" character varying(64) NOT NULL,
        CONSTRAINT "PK_AuditChain" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "DataKeys" (
        "Id" integer NOT NULL,
        "Wrapped" bytea NOT NULL,
        "WrappedUnder" character varying(16) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "WrappedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_DataKeys" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "NoticeMarks" (
        "Key" character varying(200) NOT NULL,
        "Event" character varying(40) NOT NULL,
        "At" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_NoticeMarks" PRIMARY KEY ("Key")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "Notifications" (
        "Id" uuid NOT NULL,
        "UserId" character varying(450) NOT NULL,
        "ProjectId" uuid NOT NULL,
        "IncidentId" uuid,
        "Event" character varying(40) NOT NULL,
        "Title" bytea NOT NULL,
        "Severity" character varying(16),
        "Link" character varying(300) NOT NULL,
        "DedupKey" character varying(200) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "ReadAt" timestamp with time zone,
        CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "NotificationSettings" (
        "UserId" character varying(450) NOT NULL,
        "EmailEvents" character varying(1000) NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_NotificationSettings" PRIMARY KEY ("UserId")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "Outbox" (
        "Id" uuid NOT NULL,
        "DedupKey" character varying(200) NOT NULL,
        "To" bytea NOT NULL,
        "Subject" bytea NOT NULL,
        "TextBody" bytea NOT NULL,
        "HtmlBody" bytea,
        "Purpose" character varying(40) NOT NULL,
        "IncidentId" uuid,
        "ProjectId" uuid,
        "State" character varying(16) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "NextAttemptAt" timestamp with time zone NOT NULL,
        "LeasedUntil" timestamp with time zone,
        "Attempts" integer NOT NULL,
        "SentAt" timestamp with time zone,
        "LastError" character varying(2000),
        CONSTRAINT "PK_Outbox" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "Projects" (
        "Id" uuid NOT NULL,
        "Slug" character varying(63) NOT NULL,
        "Name" character varying(120) NOT NULL,
        "RepositoryUrl" character varying(2048),
        "CveOrgId" uuid,
        "Policy" text NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "Packages" text[] NOT NULL,
        "SecurityContacts" text[] NOT NULL,
        CONSTRAINT "PK_Projects" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "SpentPasskeyChallenges" (
        "Hash" bytea NOT NULL,
        "KeepUntil" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_SpentPasskeyChallenges" PRIMARY KEY ("Hash")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "AspNetRoleClaims" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "RoleId" text NOT NULL,
        "ClaimType" text,
        "ClaimValue" text,
        CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "AspNetUserClaims" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "UserId" text NOT NULL,
        "ClaimType" text,
        "ClaimValue" text,
        CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "AspNetUserLogins" (
        "LoginProvider" character varying(128) NOT NULL,
        "ProviderKey" character varying(128) NOT NULL,
        "ProviderDisplayName" text,
        "UserId" text NOT NULL,
        CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
        CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "AspNetUserPasskeys" (
        "CredentialId" bytea NOT NULL,
        "UserId" text NOT NULL,
        "LastUsedAt" timestamp with time zone,
        "Data" jsonb NOT NULL,
        CONSTRAINT "PK_AspNetUserPasskeys" PRIMARY KEY ("CredentialId"),
        CONSTRAINT "FK_AspNetUserPasskeys_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "AspNetUserRoles" (
        "UserId" text NOT NULL,
        "RoleId" text NOT NULL,
        CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
        CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "AspNetUserTokens" (
        "UserId" text NOT NULL,
        "LoginProvider" character varying(128) NOT NULL,
        "Name" character varying(128) NOT NULL,
        "Value" text,
        CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
        CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "OutboxAttempts" (
        "Id" uuid NOT NULL,
        "MessageId" uuid NOT NULL,
        "At" timestamp with time zone NOT NULL,
        "Succeeded" boolean NOT NULL,
        "Error" character varying(2000),
        CONSTRAINT "PK_OutboxAttempts" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_OutboxAttempts_Outbox_MessageId" FOREIGN KEY ("MessageId") REFERENCES "Outbox" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ApiToken" (
        "Id" uuid NOT NULL,
        "UserId" text NOT NULL,
        "Name" character varying(100) NOT NULL,
        "Hash" character varying(64) NOT NULL,
        "Prefix" character varying(16) NOT NULL,
        "ProjectId" uuid,
        "Role" character varying(24),
        "CreatedAt" timestamp with time zone NOT NULL,
        "LastUsedAt" timestamp with time zone,
        "RevokedAt" timestamp with time zone,
        CONSTRAINT "PK_ApiToken" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ApiToken_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_ApiToken_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ChatChannels" (
        "Id" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "Kind" character varying(16) NOT NULL,
        "Name" character varying(100) NOT NULL,
        "Address" bytea NOT NULL,
        "Destination" character varying(300) NOT NULL,
        "RoomId" character varying(300),
        "Secret" character varying(2000),
        "Private" boolean NOT NULL,
        "Events" text[] NOT NULL,
        "CreatedBy" character varying(320) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_ChatChannels" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ChatChannels_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "DisclosureSettings" (
        "ProjectId" uuid NOT NULL,
        "PrivateNoticeSubject" character varying(300) NOT NULL,
        "PrivateNoticeBody" text NOT NULL,
        "AnnouncementSubject" character varying(300) NOT NULL,
        "AnnouncementBody" text NOT NULL,
        "AdvisoryBody" text NOT NULL,
        "ChangelogLine" character varying(300) NOT NULL,
        "PrivateRecipients" text[] NOT NULL,
        "PublicRecipients" text[] NOT NULL,
        "RepositoryOwners" text[] NOT NULL,
        "OsvPrefix" character varying(34),
        CONSTRAINT "PK_DisclosureSettings" PRIMARY KEY ("ProjectId"),
        CONSTRAINT "FK_DisclosureSettings_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "Incidents" (
        "Id" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "Number" integer NOT NULL,
        "Kind" character varying(32) NOT NULL,
        "Title" bytea NOT NULL,
        "Summary" bytea NOT NULL,
        "RequestedSeverity" character varying(16) NOT NULL,
        "Severity" character varying(16) NOT NULL,
        "SeverityReason" character varying(300),
        "UserSafetyClass" character varying(64),
        "Stage" character varying(32) NOT NULL,
        "Source" character varying(16) NOT NULL,
        "OpenedAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "ReporterContact" bytea,
        "ReporterCredit" character varying(16),
        "ReporterCreditName" bytea,
        "ReporterConsent" boolean,
        "Details" bytea NOT NULL,
        "ActivelyExploited" boolean NOT NULL,
        "ExploitedAt" timestamp with time zone,
        "DuplicateOf" uuid,
        "Releases" jsonb,
        "Runs" jsonb,
        CONSTRAINT "PK_Incidents" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Incidents_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "IntakeSettings" (
        "ProjectId" uuid NOT NULL,
        "Accepting" boolean NOT NULL,
        "AutoAcknowledge" boolean NOT NULL,
        "ConfirmReporterEmail" boolean NOT NULL,
        "AcknowledgementSubject" character varying(400) NOT NULL,
        "AcknowledgementBody" text NOT NULL,
        CONSTRAINT "PK_IntakeSettings" PRIMARY KEY ("ProjectId"),
        CONSTRAINT "FK_IntakeSettings_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ProjectCounters" (
        "ProjectId" uuid NOT NULL,
        "Name" character varying(32) NOT NULL,
        "Last" bigint NOT NULL,
        CONSTRAINT "PK_ProjectCounters" PRIMARY KEY ("ProjectId", "Name"),
        CONSTRAINT "FK_ProjectCounters_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ProjectIntegrations" (
        "ProjectId" uuid NOT NULL,
        "GitHubSecret" character varying(2000),
        "GitHubSecretSetAt" timestamp with time zone,
        "GitHubSecretSetBy" character varying(320),
        "GenericSecret" character varying(2000),
        "GenericSecretSetAt" timestamp with time zone,
        "GenericSecretSetBy" character varying(320),
        "AllowedReleasers" text[] NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ProjectIntegrations" PRIMARY KEY ("ProjectId"),
        CONSTRAINT "FK_ProjectIntegrations_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ProjectMembers" (
        "ProjectId" uuid NOT NULL,
        "UserId" text NOT NULL,
        "AddedAt" timestamp with time zone NOT NULL,
        "Role" character varying(24) NOT NULL DEFAULT 'IncidentManager',
        CONSTRAINT "PK_ProjectMembers" PRIMARY KEY ("ProjectId", "UserId"),
        CONSTRAINT "FK_ProjectMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_ProjectMembers_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "RiskEntries" (
        "Id" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "Number" integer NOT NULL,
        "Title" bytea NOT NULL,
        "CategoryMask" integer NOT NULL,
        "Asset" bytea NOT NULL,
        "Threat" bytea NOT NULL,
        "Likelihood" integer NOT NULL,
        "Impact" integer NOT NULL,
        "Rating" integer NOT NULL,
        "Mitigations" bytea NOT NULL,
        "Owner" character varying(200) NOT NULL,
        "Status" character varying(16) NOT NULL,
        "AcceptedUntil" date,
        "AcceptedBy" character varying(200),
        "TransferredTo" character varying(200),
        "CreatedAt" timestamp with time zone NOT NULL,
        "CreatedBy" character varying(320) NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "UpdatedBy" character varying(320) NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_RiskEntries" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_RiskEntries_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "WatchedManifests" (
        "Id" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "Name" character varying(400) NOT NULL,
        "Content" text NOT NULL,
        "OnReleasePath" boolean NOT NULL,
        "UploadedAt" timestamp with time zone NOT NULL,
        "UploadedBy" character varying(320) NOT NULL,
        "LastCheckedAt" timestamp with time zone,
        "CheckedIndexStamp" character varying(64),
        "ComponentCount" integer NOT NULL,
        CONSTRAINT "PK_WatchedManifests" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_WatchedManifests_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ChatDeliveries" (
        "Id" uuid NOT NULL,
        "ChannelId" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "DedupeKey" character varying(200) NOT NULL,
        "EventKind" character varying(40) NOT NULL,
        "Severity" character varying(40),
        "Summary" bytea NOT NULL,
        "Detail" bytea,
        "Link" character varying(2048) NOT NULL,
        "OccurredAt" timestamp with time zone NOT NULL,
        "State" character varying(16) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "NextAttemptAt" timestamp with time zone NOT NULL,
        "LeasedUntil" timestamp with time zone,
        "Attempts" integer NOT NULL,
        "DeliveredAt" timestamp with time zone,
        "LastError" character varying(2000),
        CONSTRAINT "PK_ChatDeliveries" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ChatDeliveries_ChatChannels_ChannelId" FOREIGN KEY ("ChannelId") REFERENCES "ChatChannels" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ActionItems" (
        "Id" uuid NOT NULL,
        "IncidentId" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "Title" bytea NOT NULL,
        "OwnerId" character varying(450) NOT NULL,
        "DueAt" timestamp with time zone NOT NULL,
        "Link" character varying(2000),
        "Status" character varying(16) NOT NULL,
        "Reason" bytea,
        "CreatedAt" timestamp with time zone NOT NULL,
        "CreatedBy" character varying(320) NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "ClosedAt" timestamp with time zone,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ActionItems" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ActionItems_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_ActionItems_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "HeldReports" (
        "Id" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "Title" bytea NOT NULL,
        "Description" bytea,
        "AffectedVersions" bytea,
        "CvssVector" text,
        "Contact" bytea NOT NULL,
        "Credit" character varying(32),
        "CreditName" character varying(200),
        "Consent" boolean NOT NULL,
        "ReceivedAt" timestamp with time zone NOT NULL,
        "Source" character varying(16) NOT NULL,
        "TokenHash" character varying(64) NOT NULL,
        "ExpiresAt" timestamp with time zone NOT NULL,
        "ConfirmedAt" timestamp with time zone,
        "IncidentId" uuid,
        CONSTRAINT "PK_HeldReports" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_HeldReports_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE SET NULL,
        CONSTRAINT "FK_HeldReports_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "HookDeliveries" (
        "Id" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "Source" character varying(16) NOT NULL,
        "DeliveryId" character varying(100) NOT NULL,
        "Event" character varying(64) NOT NULL,
        "Action" character varying(64) NOT NULL,
        "Outcome" character varying(16) NOT NULL,
        "Verdict" bytea NOT NULL,
        "IncidentId" uuid,
        "ReceivedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_HookDeliveries" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_HookDeliveries_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE SET NULL,
        CONSTRAINT "FK_HookDeliveries_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "IncidentAdvisories" (
        "IncidentId" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "AdvisoryId" character varying(100) NOT NULL,
        "Document" bytea NOT NULL,
        "Version" integer NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "UpdatedBy" character varying(320) NOT NULL,
        "State" character varying(16) NOT NULL,
        "ReviewRequestedBy" character varying(320),
        "ReviewRequestedAt" timestamp with time zone,
        "ApprovedBy" character varying(320),
        "ApprovedAt" timestamp with time zone,
        "PublishAt" timestamp with time zone,
        "PublishedAt" timestamp with time zone,
        "WithdrawnAt" timestamp with time zone,
        "WithdrawnReason" character varying(1000),
        "ReviewedDocument" bytea,
        "ReviewedVersion" integer,
        "ReturnedBy" character varying(320),
        "ReturnedReason" bytea,
        "ReturnedAt" timestamp with time zone,
        "RevisionCount" integer NOT NULL,
        CONSTRAINT "PK_IncidentAdvisories" PRIMARY KEY ("IncidentId"),
        CONSTRAINT "FK_IncidentAdvisories_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_IncidentAdvisories_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "IncidentAliases" (
        "ProjectId" uuid NOT NULL,
        "Alias" character varying(100) NOT NULL,
        "IncidentId" uuid NOT NULL,
        "AddedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_IncidentAliases" PRIMARY KEY ("ProjectId", "Alias"),
        CONSTRAINT "FK_IncidentAliases_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "IncidentAssignments" (
        "Role" character varying(32) NOT NULL,
        "IncidentId" uuid NOT NULL,
        "Person" character varying(200) NOT NULL,
        CONSTRAINT "PK_IncidentAssignments" PRIMARY KEY ("IncidentId", "Role"),
        CONSTRAINT "FK_IncidentAssignments_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "IncidentClocks" (
        "Kind" character varying(32) NOT NULL,
        "IncidentId" uuid NOT NULL,
        "StartedAt" timestamp with time zone NOT NULL,
        "DueAt" timestamp with time zone NOT NULL,
        "StoppedAt" timestamp with time zone,
        CONSTRAINT "PK_IncidentClocks" PRIMARY KEY ("IncidentId", "Kind"),
        CONSTRAINT "FK_IncidentClocks_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "IncidentCollaborator" (
        "IncidentId" uuid NOT NULL,
        "UserId" text NOT NULL,
        "AddedAt" timestamp with time zone NOT NULL,
        "AddedBy" character varying(320) NOT NULL,
        CONSTRAINT "PK_IncidentCollaborator" PRIMARY KEY ("IncidentId", "UserId"),
        CONSTRAINT "FK_IncidentCollaborator_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_IncidentCollaborator_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "PostMortems" (
        "IncidentId" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "Version" integer NOT NULL,
        "Document" bytea NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "UpdatedBy" character varying(320) NOT NULL,
        "SignedOffAt" timestamp with time zone,
        "SignedOffBy" character varying(320),
        CONSTRAINT "PK_PostMortems" PRIMARY KEY ("IncidentId"),
        CONSTRAINT "FK_PostMortems_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_PostMortems_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ReporterLinks" (
        "Id" uuid NOT NULL,
        "IncidentId" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "TokenHash" character varying(64) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "RevokedAt" timestamp with time zone,
        CONSTRAINT "PK_ReporterLinks" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ReporterLinks_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ReportMessages" (
        "Id" uuid NOT NULL,
        "IncidentId" uuid NOT NULL,
        "FromReporter" boolean NOT NULL,
        "Author" character varying(320) NOT NULL,
        "Body" bytea NOT NULL,
        "Shared" boolean NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "Sequence" integer NOT NULL,
        CONSTRAINT "PK_ReportMessages" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ReportMessages_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "Timeline" (
        "Id" uuid NOT NULL,
        "IncidentId" uuid NOT NULL,
        "Sequence" integer NOT NULL,
        "At" timestamp with time zone NOT NULL,
        "Actor" character varying(320) NOT NULL,
        "Kind" character varying(32) NOT NULL,
        "Text" bytea NOT NULL,
        CONSTRAINT "PK_Timeline" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Timeline_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "RiskIncidents" (
        "IncidentId" uuid NOT NULL,
        "RiskEntryId" uuid NOT NULL,
        "Number" integer NOT NULL,
        "LinkedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_RiskIncidents" PRIMARY KEY ("RiskEntryId", "IncidentId"),
        CONSTRAINT "FK_RiskIncidents_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_RiskIncidents_RiskEntries_RiskEntryId" FOREIGN KEY ("RiskEntryId") REFERENCES "RiskEntries" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "DependencyFindings" (
        "Id" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "ManifestId" uuid NOT NULL,
        "Key" character varying(1200) NOT NULL,
        "Component" character varying(1000) NOT NULL,
        "AdvisoryId" character varying(100) NOT NULL,
        "Ids" character varying(2000) NOT NULL,
        "Title" character varying(1000) NOT NULL,
        "FixedVersion" character varying(200),
        "Severity" character varying(16) NOT NULL,
        "Score" double precision,
        "KevCve" character varying(32),
        "KevDueDate" date,
        "KevRansomware" character varying(32),
        "Path" text NOT NULL,
        "OnReleasePath" boolean NOT NULL,
        "HelpUri" character varying(2048),
        "FirstSeenAt" timestamp with time zone NOT NULL,
        "LastSeenAt" timestamp with time zone NOT NULL,
        "ResolvedAt" timestamp with time zone,
        "IncidentId" uuid,
        "Suppressed" character varying(2000),
        CONSTRAINT "PK_DependencyFindings" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_DependencyFindings_WatchedManifests_ManifestId" FOREIGN KEY ("ManifestId") REFERENCES "WatchedManifests" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ChatDeliveryAttempts" (
        "Id" uuid NOT NULL,
        "DeliveryId" uuid NOT NULL,
        "At" timestamp with time zone NOT NULL,
        "Status" integer,
        "Succeeded" boolean NOT NULL,
        "Error" character varying(2000),
        "Milliseconds" bigint NOT NULL,
        CONSTRAINT "PK_ChatDeliveryAttempts" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ChatDeliveryAttempts_ChatDeliveries_DeliveryId" FOREIGN KEY ("DeliveryId") REFERENCES "ChatDeliveries" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE TABLE "ReportAttachments" (
        "Id" uuid NOT NULL,
        "ProjectId" uuid NOT NULL,
        "IncidentId" uuid,
        "HeldReportId" uuid,
        "FileName" bytea NOT NULL,
        "Type" character varying(16) NOT NULL,
        "Size" bigint NOT NULL,
        "Sha256" character varying(64) NOT NULL,
        "UploadedBy" character varying(320) NOT NULL,
        "UploadedAt" timestamp with time zone NOT NULL,
        "Content" bytea NOT NULL,
        CONSTRAINT "PK_ReportAttachments" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ReportAttachments_HeldReports_HeldReportId" FOREIGN KEY ("HeldReportId") REFERENCES "HeldReports" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_ReportAttachments_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ActionItems_IncidentId_CreatedAt" ON "ActionItems" ("IncidentId", "CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ActionItems_OwnerId_Status_DueAt" ON "ActionItems" ("OwnerId", "Status", "DueAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ActionItems_ProjectId_Status_DueAt" ON "ActionItems" ("ProjectId", "Status", "DueAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_ApiToken_Hash" ON "ApiToken" ("Hash");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ApiToken_ProjectId" ON "ApiToken" ("ProjectId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ApiToken_UserId" ON "ApiToken" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_AspNetUserPasskeys_UserId" ON "AspNetUserPasskeys" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_AuditChain_Action_Subject" ON "AuditChain" ("Action", "Subject");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_AuditChain_Sequence" ON "AuditChain" ("Sequence");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ChatChannels_ProjectId" ON "ChatChannels" ("ProjectId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_ChatDeliveries_ChannelId_DedupeKey" ON "ChatDeliveries" ("ChannelId", "DedupeKey");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ChatDeliveries_CreatedAt" ON "ChatDeliveries" ("CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ChatDeliveries_State_NextAttemptAt" ON "ChatDeliveries" ("State", "NextAttemptAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ChatDeliveryAttempts_DeliveryId" ON "ChatDeliveryAttempts" ("DeliveryId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_DependencyFindings_ManifestId_Key" ON "DependencyFindings" ("ManifestId", "Key");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_DependencyFindings_ProjectId_ResolvedAt" ON "DependencyFindings" ("ProjectId", "ResolvedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_HeldReports_IncidentId" ON "HeldReports" ("IncidentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_HeldReports_ProjectId_ReceivedAt" ON "HeldReports" ("ProjectId", "ReceivedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_HeldReports_TokenHash" ON "HeldReports" ("TokenHash");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_HookDeliveries_IncidentId" ON "HookDeliveries" ("IncidentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_HookDeliveries_ProjectId_ReceivedAt" ON "HookDeliveries" ("ProjectId", "ReceivedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_HookDeliveries_ProjectId_Source_DeliveryId" ON "HookDeliveries" ("ProjectId", "Source", "DeliveryId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_IncidentAdvisories_ProjectId_AdvisoryId" ON "IncidentAdvisories" ("ProjectId", "AdvisoryId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_IncidentAdvisories_State_PublishAt" ON "IncidentAdvisories" ("State", "PublishAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_IncidentAliases_IncidentId" ON "IncidentAliases" ("IncidentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_IncidentClocks_DueAt" ON "IncidentClocks" ("DueAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_IncidentCollaborator_UserId" ON "IncidentCollaborator" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_Incidents_ProjectId_Kind_OpenedAt" ON "Incidents" ("ProjectId", "Kind", "OpenedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_Incidents_ProjectId_Number" ON "Incidents" ("ProjectId", "Number");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_Incidents_ProjectId_Stage" ON "Incidents" ("ProjectId", "Stage");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_Notifications_IncidentId" ON "Notifications" ("IncidentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_Notifications_UserId_DedupKey" ON "Notifications" ("UserId", "DedupKey");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_Notifications_UserId_ReadAt_CreatedAt" ON "Notifications" ("UserId", "ReadAt", "CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_Outbox_DedupKey" ON "Outbox" ("DedupKey");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_Outbox_IncidentId" ON "Outbox" ("IncidentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_Outbox_State_NextAttemptAt" ON "Outbox" ("State", "NextAttemptAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_OutboxAttempts_MessageId" ON "OutboxAttempts" ("MessageId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_PostMortems_ProjectId" ON "PostMortems" ("ProjectId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ProjectMembers_UserId" ON "ProjectMembers" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_Projects_Slug" ON "Projects" ("Slug");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ReportAttachments_HeldReportId" ON "ReportAttachments" ("HeldReportId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ReportAttachments_IncidentId" ON "ReportAttachments" ("IncidentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_ReporterLinks_IncidentId" ON "ReporterLinks" ("IncidentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_ReporterLinks_TokenHash" ON "ReporterLinks" ("TokenHash");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_ReportMessages_IncidentId_Sequence" ON "ReportMessages" ("IncidentId", "Sequence");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_RiskEntries_ProjectId_Number" ON "RiskEntries" ("ProjectId", "Number");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_RiskEntries_ProjectId_Status" ON "RiskEntries" ("ProjectId", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_RiskIncidents_IncidentId" ON "RiskIncidents" ("IncidentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE INDEX "IX_SpentPasskeyChallenges_KeepUntil" ON "SpentPasskeyChallenges" ("KeepUntil");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_Timeline_IncidentId_Sequence" ON "Timeline" ("IncidentId", "Sequence");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    CREATE UNIQUE INDEX "IX_WatchedManifests_ProjectId_Name" ON "WatchedManifests" ("ProjectId", "Name");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207101328_Baseline') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261207101328_Baseline', '10.0.15');
    END IF;
END $EF$;
COMMIT;

