using System.Text.Json.Serialization;

namespace Firebreak.Cli.Server;

/// <summary>The CLI's own JSON by type, generated at compile time so the CLI publishes as Native AOT.</summary>
[JsonSerializable(typeof(CliConfig))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
