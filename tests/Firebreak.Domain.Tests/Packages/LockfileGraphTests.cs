using Firebreak.Domain.Packages;
using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>The dependency graph each reader builds from the shared fixtures: concrete edges, roots and paths read off the files.</summary>
public class LockfileGraphTests
{
    private static DependencyGraph Graph(LockfileFormat format, string folder, string file) =>
        Lockfile.Read(format, LockfileFixtures.Text(folder, file), file).Graph;

    private static List<string> Path(DependencyGraph graph, string purl) => [.. graph.PathTo(PackageUrl.Parse(purl)).Select(n => n.Step)];

    private static List<string> Dependencies(DependencyGraph graph, string purl) => [.. graph.DependenciesOf(PackageUrl.Parse(purl)).Select(n => n.Step)];

    private static List<string> Roots(DependencyGraph graph) => [.. graph.Roots.Select(n => n.Step)];

    [Theory]
    [InlineData("nested-dependencies.v1.json")]
    [InlineData("nested-dependencies.v2.json")]
    public void Npm_NestedInstall_ResolvesTheNearestNodeModules(string file)
    {
        var graph = Graph(LockfileFormat.Npm, "javascript-packagelockjson", file);
        // postcss-calc's own node_modules/postcss (7.0.16) wins over the top-level one (6.0.23), and so on down.
        Assert.Equal(["postcss 7.0.16"], Dependencies(graph, "pkg:npm/postcss-calc@7.0.1"));
        Assert.Equal(["supports-color 6.1.0"], Dependencies(graph, "pkg:npm/postcss@7.0.16"));
        Assert.Equal(["supports-color 5.5.0"], Dependencies(graph, "pkg:npm/postcss@6.0.23"));
        Assert.Equal(["postcss-calc 7.0.1", "postcss 7.0.16", "supports-color 6.1.0"], Path(graph, "pkg:npm/supports-color@6.1.0"));
        Assert.Equal(["postcss 6.0.23", "supports-color 5.5.0"], Path(graph, "pkg:npm/supports-color@5.5.0"));
        Assert.Equal(["postcss 6.0.23", "postcss-calc 7.0.1"], Roots(graph)); // the project lists nothing: what nothing depends on
        Assert.Equal(3, graph.EdgeCount); // chalk, source-map, has-flag… are not locked: no edge
    }

    [Fact]
    public void Npm_ProjectEntry_NamesTheRoots()
    {
        var graph = Graph(LockfileFormat.Npm, "javascript-packagelockjson", "bundled-dependencies.v3.json");
        Assert.Equal(["strip-ansi 7.1.2", "semver 7.7.2"], Roots(graph)); // dependencies, then devDependencies
        Assert.Equal(["strip-ansi 7.1.2", "ansi-regex 6.2.2"], Path(graph, "pkg:npm/ansi-regex@6.2.2"));
    }

    [Fact]
    public void NpmV1_RequiresThroughTheNestedTree()
    {
        var graph = Graph(LockfileFormat.Npm, "javascript-packagelockjson", "nested-dependencies-dup.v1.json");
        Assert.Equal(["cssnano 4.1.10", "cssnano-preset-default 4.0.7", "css-declaration-sorter 4.0.1"], Path(graph, "pkg:npm/css-declaration-sorter@4.0.1"));
        Assert.Equal(["cssnano-preset-default 4.0.7"], Dependencies(graph, "pkg:npm/cssnano@4.1.10"));
    }

    [Fact]
    public void Yarn1_DependenciesAndOptionalDependencies_ResolveThroughDescriptors()
    {
        var graph = Graph(LockfileFormat.Yarn, "javascript-yarnlock", "files.v1.lock");
        var path = graph.PathTo(PackageUrl.Parse("pkg:npm/lodash@1.3.1"));
        Assert.Equal(["other_package 0.0.2", "lodash 1.3.1"], path.Select(n => n.Step));
        Assert.Null(path[0].Purl); // a file: package is no component, but the chain goes through it
        Assert.Equal(["other_package 0.0.2", "etag 1.8.1"], Path(graph, "pkg:npm/etag@1.8.1")); // optionalDependencies; not the linked etag 1.8.0
        Assert.Equal(2, graph.EdgeCount); // its filedep descriptor matches no entry's header: ignored
    }

    [Fact]
    public void YarnBerry_WorkspaceDependencies_AreTheRoots()
    {
        var graph = Graph(LockfileFormat.Yarn, "javascript-yarnlock", "exclude-root.v2.lock");
        Assert.Equal(["ansi-regex 6.1.0"], Roots(graph));
        Assert.Equal(["ansi-regex 6.1.0"], Path(graph, "pkg:npm/ansi-regex@6.1.0"));
    }

    [Fact]
    public void YarnBerry_DependencyOnAnUnlockedPackage_IsNoEdge()
    {
        var graph = Graph(LockfileFormat.Yarn, "javascript-yarnlock", "scoped-packages.v2.lock");
        Assert.Empty(Dependencies(graph, "pkg:npm/%40babel/code-frame@7.16.7")); // @babel/highlight is not in the file
        Assert.Equal(0, graph.EdgeCount);
    }

    [Fact]
    public void YarnBerry_ChainThroughAPatch_KeepsThePatchedPackagesPurl()
    {
        const string text = """
            __metadata:
              version: 6

            "app@workspace:.":
              version: 0.0.0-use.local
              resolution: "app@workspace:."
              dependencies:
                a: ^1.0.0

            "a@npm:^1.0.0":
              version: 1.0.0
              resolution: "a@npm:1.0.0"
              dependencies:
                resolve: "patch:resolve@^1.20.0#~builtin<compat/resolve>"

            "resolve@patch:resolve@^1.20.0#~builtin<compat/resolve>":
              version: 1.20.0
              resolution: "resolve@patch:resolve@npm%3A1.20.0#~builtin<compat/resolve>::version=1.20.0&hash=07638b"
              dependencies:
                path-parse: ^1.0.6

            "path-parse@npm:^1.0.6":
              version: 1.0.7
              resolution: "path-parse@npm:1.0.7"
            """;
        var graph = Lockfile.Read("yarn.lock", text).Graph;
        Assert.Equal(["a 1.0.0", "resolve 1.20.0", "path-parse 1.0.7"], Path(graph, "pkg:npm/path-parse@1.0.7"));
        Assert.Equal(["a 1.0.0", "resolve 1.20.0"], Path(graph, "pkg:npm/resolve@1.20.0"));
    }

    [Fact]
    public void Pnpm5_PackagesDependencies_FormTheGraph()
    {
        var graph = Graph(LockfileFormat.Pnpm, "javascript-pnpmlock", "multiple-packages.yaml");
        Assert.Equal(["aws-sdk 2.1087.0"], Roots(graph));
        Assert.Equal(["base64-js 1.5.1", "ieee754 1.1.13", "isarray 1.0.0"], Dependencies(graph, "pkg:npm/buffer@4.9.2"));
        Assert.Equal(["aws-sdk 2.1087.0", "url 0.10.3", "punycode 1.3.2"], Path(graph, "pkg:npm/punycode@1.3.2"));
    }

    [Fact]
    public void Pnpm5_PeerSuffixedReferences_AndARealCycle()
    {
        var graph = Graph(LockfileFormat.Pnpm, "javascript-pnpmlock", "peer-dependencies-advanced.yaml");
        Assert.Equal(["eslint-utils 3.0.0"], Dependencies(graph, "pkg:npm/eslint@8.10.0"));
        Assert.Equal(["eslint 8.10.0"], Dependencies(graph, "pkg:npm/eslint-utils@3.0.0")); // eslint ⇄ eslint-utils
        Assert.Equal(["eslint 8.10.0", "eslint-utils 3.0.0"], Path(graph, "pkg:npm/eslint-utils@3.0.0"));
        Assert.Equal(["@typescript-eslint/parser 5.13.0", "@typescript-eslint/typescript-estree 5.13.0"], Path(graph, "pkg:npm/%40typescript-eslint/typescript-estree@5.13.0"));
    }

    [Fact]
    public void Pnpm6_PackagesDependencies_FormTheGraph()
    {
        var graph = Graph(LockfileFormat.Pnpm, "javascript-pnpmlock", "peer-dependencies-v6.yaml");
        Assert.Equal(["loose-envify 1.4.0", "react 18.2.0", "scheduler 0.23.0"], Dependencies(graph, "pkg:npm/react-dom@18.2.0"));
        Assert.Equal(["react-dom 18.2.0", "loose-envify 1.4.0", "js-tokens 4.0.0"], Path(graph, "pkg:npm/js-tokens@4.0.0"));
    }

    [Fact]
    public void Pnpm9_Snapshots_FormTheGraph()
    {
        var graph = Graph(LockfileFormat.Pnpm, "javascript-pnpmlock", "peer-dependencies-advanced.v9.yaml");
        Assert.Equal(["@typescript-eslint/eslint-plugin 5.62.0", "@typescript-eslint/parser 5.62.0", "eslint 8.57.0", "typescript 4.9.5"], Roots(graph));
        Assert.Equal(["eslint 8.57.0", "@eslint-community/eslint-utils 4.4.0"], Path(graph, "pkg:npm/%40eslint-community/eslint-utils@4.4.0"));
        Assert.Equal(["@typescript-eslint/eslint-plugin 5.62.0", "tsutils 3.21.0"], Path(graph, "pkg:npm/tsutils@3.21.0"));
        Assert.Empty(Path(graph, "pkg:npm/supports-color@7.2.0")); // only a transitive peer: nothing depends on it
    }

    [Fact]
    public void NuGet_PackageDependencies_WithinTheFramework()
    {
        var graph = Graph(LockfileFormat.NuGet, "dotnet-packageslockjson", "valid/packages.lock.json");
        Assert.Equal(["Core.Dep 1.24.0"], Roots(graph));
        Assert.Equal(["Some.Longer.Name.Dep 4.7.2", "Some.Dep.Five 4.7.2"], Dependencies(graph, "pkg:nuget/Some.Dep.Three@1.0.2"));
        Assert.Equal(["Core.Dep 1.24.0", "Some.Dep.Three 1.0.2"], Path(graph, "pkg:nuget/Some.Dep.Three@1.0.2"));
        Assert.Equal(9, graph.EdgeCount);
    }

    [Fact]
    public void NuGet_ProjectReference_IsARootTheChainGoesThrough()
    {
        const string json = """
            {"version": 1, "dependencies": {
              "net8.0": {
                "Lib": {"type": "Project", "dependencies": {"serilog": "[3.0.0, )"}},
                "Serilog": {"type": "Transitive", "resolved": "3.0.0", "dependencies": {"Missing.Package": "1.0.0"}}
              },
              "net9.0": {
                "Direct.One": {"type": "Direct", "requested": "[1.0.0, )", "resolved": "1.0.0", "dependencies": {"Serilog": "3.0.0"}},
                "Serilog": {"type": "Transitive", "resolved": "3.0.0"}
              }
            }}
            """;
        var graph = Lockfile.Read("packages.lock.json", json).Graph;
        Assert.Equal(["Lib", "Direct.One 1.0.0"], Roots(graph));
        Assert.Equal(["Lib", "Serilog 3.0.0"], Path(graph, "pkg:nuget/Serilog@3.0.0")); // ids are case-insensitive
        Assert.Equal(2, graph.PathsTo(PackageUrl.Parse("pkg:nuget/Serilog@3.0.0")).Count);
    }

    [Fact]
    public void Poetry_PackageDependencies_ByNormalisedName()
    {
        var graph = Graph(LockfileFormat.Poetry, "python-poetrylock", "multiple-packages.v2.lock");
        Assert.Equal(["factory-boy 3.3.1", "faker 33.3.0", "python-dateutil 2.9.0.post0", "six 1.17.0"], Path(graph, "pkg:pypi/six@1.17.0"));
        Assert.Equal(["factory-boy 3.3.1", "proto-plus 1.22.0", "proto-plus 1.23.0", "redis 5.2.1", "urllib3 2.3.0"], Roots(graph));
        Assert.Equal([["proto-plus 1.22.0", "protobuf 4.25.5"], ["proto-plus 1.23.0", "protobuf 4.25.5"]],
            graph.PathsTo(PackageUrl.Parse("pkg:pypi/protobuf@4.25.5")).Select(p => p.Select(n => n.Step)));
    }

    [Fact]
    public void Gemfile_SpecDependencies_FromTheDependenciesSection()
    {
        var graph = Graph(LockfileFormat.Gemfile, "ruby-gemfilelock", "rails.lock");
        Assert.Equal(["rails 7.0.2.2"], Roots(graph));
        Assert.Equal(["rails 7.0.2.2", "actionmailbox 7.0.2.2", "net-imap 0.2.3", "net-protocol 0.1.2", "io-wait 0.2.1"], Path(graph, "pkg:gem/io-wait@0.2.1"));
        Assert.Equal(["actionpack 7.0.2.2", "activesupport 7.0.2.2", "nio4r 2.5.8", "websocket-driver 0.7.5"], Dependencies(graph, "pkg:gem/actioncable@7.0.2.2"));
    }

    [Fact]
    public void Gemfile_GitAndPathGems_CarryTheChainAndPlatformVariantsAreReached()
    {
        var git = Graph(LockfileFormat.Gemfile, "ruby-gemfilelock", "has-git-gem.lock");
        var path = git.PathTo(PackageUrl.Parse("pkg:gem/transproc@1.1.1"));
        Assert.Equal(["hanami-utils 2.0.0.alpha1", "transproc 1.1.1"], path.Select(n => n.Step));
        Assert.Null(path[0].Purl);
        Assert.Empty(Path(git, "pkg:gem/rack@2.2.3")); // only hanami-controller needs it, and the Gemfile does not name that

        var local = Graph(LockfileFormat.Gemfile, "ruby-gemfilelock", "has-local-gem.lock");
        Assert.Equal(["backbone-on-rails 1.2.0.0", "jquery-rails 4.4.0", "rails-dom-testing 2.0.3", "nokogiri 1.13.3"],
            Path(local, "pkg:gem/nokogiri@1.13.3?platform=x86_64-linux"));
    }

    [Fact]
    public void GoModAndRequirements_RecordNoGraph()
    {
        Assert.Empty(Graph(LockfileFormat.GoMod, "golang-gomod", "indirect-1.23.mod").Nodes);
        Assert.Empty(Graph(LockfileFormat.Requirements, "python-requirements", "with_versions.txt").Nodes);
    }
}
