namespace Dashboard.Components.Layout;

/// <summary>
/// A page rendered statically whose live parts are interactive islands (with
/// <see cref="Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute"/>). Its layout is plain
/// HTML and keeps no components in the circuit: only the islands do, the page's own and the app bar's menus
/// (<see cref="AppBarMenus"/>). For pages many people keep open all day (the board): an interactive layout
/// alone cost about 500 KB of server memory per open tab (ADR 0004).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LiveIslandsAttribute : Attribute;
