namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>The lockfile formats <see cref="Lockfile"/> recognises by file name.</summary>
public enum LockfileFormat
{
    /// <summary>package-lock.json or npm-shrinkwrap.json.</summary>
    Npm,

    /// <summary>yarn.lock, Yarn 1 or Yarn 2+.</summary>
    Yarn,

    /// <summary>pnpm-lock.yaml.</summary>
    Pnpm,

    /// <summary>NuGet packages.lock.json.</summary>
    NuGet,

    /// <summary>pip requirements*.txt.</summary>
    Requirements,

    /// <summary>Poetry poetry.lock.</summary>
    Poetry,

    /// <summary>Go go.mod.</summary>
    GoMod,

    /// <summary>Bundler Gemfile.lock (or gems.locked).</summary>
    Gemfile,
}
