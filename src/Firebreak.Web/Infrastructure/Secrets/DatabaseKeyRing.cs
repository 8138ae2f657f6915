using System.Xml.Linq;
using Firebreak.Web.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Infrastructure.Secrets;

/// <summary>
/// Data Protection's key ring in the database (<see cref="StoredProtectionKey"/>), shared by every server on it.
/// A database that has no key yet but a data directory holding the key files of an earlier version takes those
/// files in once, so the cookies and the encrypted settings made before still open. Data Protection calls this
/// synchronously, rarely (at the first use and when its cached ring expires or misses a key).
/// </summary>
internal sealed class DatabaseKeyRing(IServiceScopeFactory scopes, TimeProvider time, string legacyFolder) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var rows = db.Set<StoredProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        if (rows.Count == 0 && ImportLegacy(db) > 0)
            rows = db.Set<StoredProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        return rows.Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        Store(db, friendlyName, element);
    }

    private int ImportLegacy(FirebreakDbContext db)
    {
        if (!Directory.Exists(legacyFolder)) return 0;
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(legacyFolder, "*.xml").Order(StringComparer.Ordinal))
        {
            if (Store(db, Path.GetFileNameWithoutExtension(file), XElement.Load(file))) imported++;
        }
        return imported;
    }

    private bool Store(FirebreakDbContext db, string name, XElement element)
    {
        db.Add(new StoredProtectionKey(name, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow()));
        try
        {
            db.SaveChanges();
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false; // another server stored it first
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
