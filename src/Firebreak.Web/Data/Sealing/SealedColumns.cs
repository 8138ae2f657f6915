using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Logging.Abstractions;

namespace Firebreak.Web.Data.Sealing;

/// <summary>
/// Columns whose values are stored sealed (encrypted and authenticated with the data key). A feature
/// marks a property in its EF configuration with <c>.Sealed()</c>; the context gives every marked
/// property a converter bound to the server's <see cref="DataKeyRing"/> when it builds its model, and
/// the column becomes binary (BLOB, bytea). Code above EF sees plain strings and bytes; the database
/// only ciphertext. A sealed column cannot be searched or ordered in SQL.
/// </summary>
internal static class SealedColumns
{
    private const string Annotation = "Firebreak:Sealed";

    /// <summary>
    /// Stores this string or byte-array property sealed; a property with a converter to text (a JSON document, say)
    /// is sealed after that converter, so call this after <c>HasConversion</c>.
    /// </summary>
    public static PropertyBuilder<T> Sealed<T>(this PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var stored = property.Metadata.GetValueConverter()?.ProviderClrType ?? property.Metadata.ClrType;
        if (stored != typeof(string) && stored != typeof(byte[]))
            throw new InvalidOperationException($"{property.Metadata.Name} is stored as {stored.Name}; only strings and byte arrays are sealed.");
        if (property.Metadata.GetValueConverter() is { ProviderClrType: var provider } && provider != typeof(string))
            throw new InvalidOperationException($"{property.Metadata.Name} is converted to {provider.Name}; only a conversion to text can be sealed after it.");
        return property.HasAnnotation(Annotation, true);
    }

    /// <summary>
    /// Gives each marked property its converter. Without a ring (migrations, schema tests) the converters
    /// describe the same columns but refuse to run.
    /// </summary>
    public static void Apply(ModelBuilder builder, DataKeyRing? ring)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ring ??= new DataKeyRing(NullLogger<DataKeyRing>.Instance);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetDeclaredProperties().Where(p => p.FindAnnotation(Annotation) is not null).ToList())
            {
                property.RemoveAnnotation(Annotation);
                var context = $"{entity.GetTableName()}.{property.GetColumnName()}";
                property.SetMaxLength(null);
                var earlier = property.GetValueConverter();
                ValueConverter seal = (earlier?.ProviderClrType ?? property.ClrType) == typeof(string)
                    ? new ValueConverter<string, byte[]>(v => ring.SealText(v, context), v => ring.OpenText(v, context))
                    : new ValueConverter<byte[], byte[]>(v => ring.Seal(v, context), v => ring.OpenBytes(v, context));
                property.SetValueConverter(earlier is null ? seal : earlier.ComposeWith(seal));
                // Byte arrays compare by content (what EF does for them without a converter).
                if (property.ClrType == typeof(byte[]))
                    property.SetValueComparer(new ValueComparer<byte[]>((a, b) => a == b || (a != null && b != null && a.SequenceEqual(b)), v => v.Length, v => v.ToArray()));
            }
        }
    }
}
