namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>
/// Settings of the <c>Audit</c> section: where the checkpoint signing key and the checkpoints live,
/// how often a checkpoint is taken, and who receives them by mail. Paths default to the data
/// directory (<c>Firebreak:DataDirectory</c>, by default <c>./data</c> under the directory the server starts from).
/// </summary>
internal sealed class AuditOptions
{
    /// <summary>The Ed25519 private key (PKCS#8 PEM), created on first start with mode 0600. Keep it off the database's disk and backups where you can.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Where checkpoint files are written.</summary>
    public string? CheckpointFolder { get; set; }

    /// <summary>Minutes between checkpoints; one is written only when the chain moved since the last.</summary>
    public int CheckpointMinutes { get; set; } = 60;

    /// <summary>An address that receives every checkpoint through the outbox, or empty for none.</summary>
    public string? CheckpointTo { get; set; }

    /// <summary>The server's data directory (set from <c>Firebreak:DataDirectory</c> at start-up).</summary>
    public string DataFolder { get; set; } = Path.Combine(Directory.GetCurrentDirectory(), "data");

    public string KeyPath => Full(KeyFile, "audit-signing-key.pem");

    public string CheckpointPath => Full(CheckpointFolder, "audit-checkpoints");

    private string Full(string? configured, string name) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(DataFolder, name) : configured);
}
