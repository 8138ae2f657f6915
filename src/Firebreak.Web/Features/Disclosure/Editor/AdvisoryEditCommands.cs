using System.Globalization;
using Firebreak.Domain.Common;

namespace Firebreak.Web.Features.Disclosure.Editor;

/// <summary>
/// The editor's add and remove buttons, which work without script: each is a submit button whose value names what
/// to do (<c>add-package</c>, <c>remove-range:0:1</c>, <c>add-cwe:CWE-79</c>, …); the page shows the form again with
/// the change made and nothing saved.
/// </summary>
internal static class AdvisoryEditCommands
{
    /// <summary>Applies <paramref name="command"/> to the form; false when it is not one of the editor's commands.</summary>
    public static bool Apply(AdvisoryForm form, string command)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(command);
        var parts = command.Split(':');
        switch (parts[0])
        {
            case "preview": return parts.Length == 1;
            case "add-package": return Add(form.Packages, new AdvisoryForm.PackageRow { Ranges = [new AdvisoryForm.RangeRow()] });
            case "add-reference": return Add(form.References, new AdvisoryForm.ReferenceRow { Type = "fix" });
            case "add-credit": return Add(form.Credits, new AdvisoryForm.CreditRow { Type = "finder", Consent = true });
            case "add-revision":
                return Add(form.Revisions, new AdvisoryForm.RevisionRow
                {
                    Number = (form.Revisions.Count + 1).ToString(CultureInfo.InvariantCulture),
                });
            case "add-cwe" when parts.Length == 2:
                if (!CweId.TryParse(parts[1], out var cwe)) return false;
                if (!form.Cwes.Contains(cwe.Value)) form.Cwes.RemoveAll(string.IsNullOrWhiteSpace);
                if (!form.Cwes.Contains(cwe.Value)) return Add(form.Cwes, cwe.Value);
                return true;
            case "add-cwe": return Add(form.Cwes, "");
            case "add-range" when Index(parts, 1, form.Packages.Count) is { } p: return Add(form.Packages[p].Ranges, new AdvisoryForm.RangeRow());
            case "remove-package" when Index(parts, 1, form.Packages.Count) is { } p: form.Packages.RemoveAt(p); return true;
            case "remove-reference" when Index(parts, 1, form.References.Count) is { } r: form.References.RemoveAt(r); return true;
            case "remove-credit" when Index(parts, 1, form.Credits.Count) is { } c: form.Credits.RemoveAt(c); return true;
            case "remove-revision" when Index(parts, 1, form.Revisions.Count) is { } r: form.Revisions.RemoveAt(r); return true;
            case "remove-cwe" when Index(parts, 1, form.Cwes.Count) is { } c: form.Cwes.RemoveAt(c); return true;
            case "remove-range" when Index(parts, 1, form.Packages.Count) is { } p && Index(parts, 2, form.Packages[p].Ranges.Count) is { } r:
                form.Packages[p].Ranges.RemoveAt(r);
                return true;
            default: return false;
        }
    }

    private static bool Add<T>(List<T> rows, T row)
    {
        if (rows.Count >= AdvisoryForm.MaxRows) throw new DomainException($"At most {AdvisoryForm.MaxRows} rows of one kind.");
        rows.Add(row);
        return true;
    }

    private static int? Index(string[] parts, int at, int count) =>
        parts.Length > at && int.TryParse(parts[at], NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < count ? i : null;
}
