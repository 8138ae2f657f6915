using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Firebreak.Domain.Common;

/// <summary>Tomlyn's reading of a document into its table model, compiled ahead of time (no reflection: Native AOT).</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlContext : TomlSerializerContext;
