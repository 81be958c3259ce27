namespace RnnLab.Kernel.Magics;

/// <summary>Type names as C# spells them: int, string[], List&lt;double&gt;, (int, string), Submission types without their prefix.</summary>
public static class FriendlyTypeName
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(int)] = "int", [typeof(long)] = "long", [typeof(short)] = "short", [typeof(byte)] = "byte",
        [typeof(uint)] = "uint", [typeof(ulong)] = "ulong", [typeof(ushort)] = "ushort", [typeof(sbyte)] = "sbyte",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(bool)] = "bool",
        [typeof(char)] = "char", [typeof(string)] = "string", [typeof(object)] = "object", [typeof(void)] = "void",
    };

    public static string Of(Type type)
    {
        if (Keywords.TryGetValue(type, out string? keyword)) return keyword;
        if (type.IsArray) return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Of(underlying) + "?";
        if (type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
            return "(" + string.Join(", ", type.GetGenericArguments().Select(Of)) + ")";
        string name = type.Name;
        int tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        if (type.IsGenericType) name += "<" + string.Join(", ", type.GetGenericArguments().Select(Of)) + ">";
        return type.IsNested && type.DeclaringType is { } outer && !outer.Name.StartsWith("Submission#", StringComparison.Ordinal)
            ? Of(outer) + "." + name
            : name;
    }
}
