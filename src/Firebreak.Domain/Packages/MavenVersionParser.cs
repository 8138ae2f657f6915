namespace Firebreak.Domain.Packages;

/// <summary>Builds the item tree of a Maven ComparableVersion from text.</summary>
internal static class MavenVersionParser
{
    public static MavenItem Parse(string text)
    {
        var version = text.ToLowerInvariant();
        var root = MavenItem.List();
        var list = root;
        var stack = new Stack<MavenItem>();
        stack.Push(list);
        var isDigit = false;
        var start = 0;
        for (var i = 0; i < version.Length; i++)
        {
            var c = version[i];
            if (c is '.' or '-')
            {
                list.Items.Add(i == start ? MavenItem.Number("0") : Item(isDigit, version[start..i]));
                start = i + 1;
                if (c == '-') list = Open(list, stack);
            }
            else if (char.IsAsciiDigit(c))
            {
                if (!isDigit && i > start)
                {
                    list.Items.Add(MavenItem.Qualifier(version[start..i], followedByDigit: true));
                    start = i;
                    list = Open(list, stack);
                }
                isDigit = true;
            }
            else
            {
                if (isDigit && i > start)
                {
                    list.Items.Add(Item(true, version[start..i]));
                    start = i;
                    list = Open(list, stack);
                }
                isDigit = false;
            }
        }
        if (version.Length > start) list.Items.Add(Item(isDigit, version[start..]));
        while (stack.Count > 0) stack.Pop().Normalize(isRoot: stack.Count == 0);
        return root;
    }

    private static MavenItem Open(MavenItem parent, Stack<MavenItem> stack)
    {
        var child = MavenItem.List();
        parent.Items.Add(child);
        stack.Push(child);
        return child;
    }

    private static MavenItem Item(bool isDigit, string text) =>
        isDigit ? MavenItem.Number(text) : MavenItem.Qualifier(text, followedByDigit: false);
}
