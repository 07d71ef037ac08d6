using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace Dashboard.Tests.Architecture;

/// <summary>
/// Which methods and property getters a type's code calls, read from its IL. Compiler-generated
/// code (async state machines, lambdas, local functions) is credited to the method it was written in.
/// </summary>
internal static partial class IlReferences
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>A call site: the written type and method, and the member it calls.</summary>
    public sealed record Site(Type Type, string Method, MethodBase Callee)
    {
        public override string ToString() => $"{Type.Name}.{Method} → {Callee.DeclaringType?.Name}.{Callee.Name}";
    }

    public static IEnumerable<Site> In(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var written = WrittenType(type);
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            foreach (var callee in Callees(method))
            {
                yield return new Site(written, WrittenMethod(type, method), callee);
            }
        }
    }

    /// <summary>The type a nested compiler-generated type belongs to.</summary>
    private static Type WrittenType(Type type)
    {
        while (type.IsNested && type.Name.Contains('<', StringComparison.Ordinal))
        {
            type = type.DeclaringType!;
        }

        return type;
    }

    /// <summary>"&lt;FindAsync&gt;d__3.MoveNext" and "&lt;FindAsync&gt;b__3_0" are both FindAsync.</summary>
    private static string WrittenMethod(Type type, MethodBase method)
    {
        var generated = GeneratedName().Match(method.Name);
        if (generated.Success)
        {
            return generated.Groups[1].Value;
        }

        for (var t = type; t.IsNested && t.Name.Contains('<', StringComparison.Ordinal); t = t.DeclaringType!)
        {
            var owner = GeneratedName().Match(t.Name);
            if (owner.Success && owner.Groups[1].Value.Length > 0)
            {
                return owner.Groups[1].Value;
            }
        }

        return method.Name;
    }

    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var opCode = OpCodesByValue[value];
            i += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    // A member of a type this runtime cannot bind here; not one we look for.
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }

            i += OperandSize(opCode.OperandType, il, i);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    [GeneratedRegex(@"^<([^>]*)>")]
    private static partial Regex GeneratedName();
}
