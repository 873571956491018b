#!/bin/bash
# Creates a feature module: tools/new-module.sh Name [prefix]
#   Name    PascalCase, e.g. Surveys (the module id, namespace ChangeAgentAcademy.Surveys, folder src/Modules/Surveys)
#   prefix  table prefix and route, lower case (default: the name in lower case)
# Makes the whole folder (project, Startup, permissions, strings in four languages, a controller with a page,
# views, README) and adds the project to the solution. The host finds it by itself: it references every
# src/Modules/*/*.csproj, discovers the Startup, maps its routes and menu entry, and the tests pick up its
# strings and views. See docs/ADDING-A-MODULE.md.
set -euo pipefail
name=${1:?usage: tools/new-module.sh Name [prefix]}
[[ $name =~ ^[A-Z][A-Za-z]+$ ]] || { echo "Name must be PascalCase letters, e.g. Surveys" >&2; exit 2; }
prefix=${2:-$(echo "$name" | tr 'A-Z' 'a-z')}
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/src/Modules/$name"
[ -e "$dir" ] && { echo "$dir exists" >&2; exit 2; }
mkdir -p "$dir/Controllers" "$dir/Resources" "$dir/ViewModels" "$dir/Views/$name"

cat > "$dir/ChangeAgentAcademy.$name.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk.Razor">
  <PropertyGroup>
    <AddRazorSupportForMvc>true</AddRazorSupportForMvc>
  </PropertyGroup>
  <ItemGroup>
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="..\\..\\ChangeAgentAcademy.Abstractions\\ChangeAgentAcademy.Abstractions.csproj" />
  </ItemGroup>
</Project>
EOF

cat > "$dir/Startup.cs" <<EOF
using ChangeAgentAcademy.$name.Resources;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.$name;

public sealed class Startup : ModuleStartup
{
    public override string Id => "$name";

    public override IEnumerable<Permission> Permissions => ${name}Permissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("$name", "Nav$name", typeof(${name}Text), 700, ${name}Permissions.View),
    ];
}
EOF

cat > "$dir/${name}Permissions.cs" <<EOF
using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.$name;

public static class ${name}Permissions
{
    public const string View = "$name.View";

    public static readonly IReadOnlyList<Permission> All = [new(View, [Roles.Administrator])];
}
EOF

cat > "$dir/Resources/${name}Text.cs" <<EOF
namespace ChangeAgentAcademy.$name.Resources;

public sealed class ${name}Text;
EOF

resx() { # file, nav text, title text
cat > "$1" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <data name="Nav$name" xml:space="preserve"><value>$2</value></data>
  <data name="Title" xml:space="preserve"><value>$3</value></data>
</root>
EOF
}
resx "$dir/Resources/${name}Text.resx" "$name" "$name"
for lang in sv da fi; do resx "$dir/Resources/${name}Text.$lang.resx" "$name" "$name"; done

cat > "$dir/ViewModels/${name}ViewModel.cs" <<EOF
namespace ChangeAgentAcademy.$name.ViewModels;

public sealed record ${name}ViewModel(string PersonName);
EOF

cat > "$dir/Controllers/${name}Controller.cs" <<EOF
using ChangeAgentAcademy.$name.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.$name.Controllers;

[RequirePermission(${name}Permissions.View)]
[Route("$prefix")]
public sealed class ${name}Controller : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ${name}ViewModel(User.Identity?.Name ?? ""));
}
EOF

cat > "$dir/Views/_ViewImports.cshtml" <<EOF
@using ChangeAgentAcademy.$name.ViewModels
@using ChangeAgentAcademy.$name.Resources
@using ChangeAgentAcademy.Resources
@using Microsoft.Extensions.Localization
@addTagHelper *, Microsoft.AspNetCore.Mvc.TagHelpers
@inject IStringLocalizer<${name}Text> S
@inject IStringLocalizer<SharedText> T
EOF
printf '@{\n    Layout = "_Layout";\n}\n' > "$dir/Views/_ViewStart.cshtml"
cat > "$dir/Views/$name/Index.cshtml" <<EOF
@model ${name}ViewModel
@{
    ViewData["Title"] = S["Title"];
}
<h1>@S["Title"]</h1>
EOF

cat > "$dir/README.md" <<EOF
# $name module

What it is for, who uses it (which permission), its pages (\`/$prefix\`), its tables (\`${prefix}_…\`), its jobs and
its settings (\`Modules:$name:Enabled\`).
EOF

dotnet sln "$root/ChangeAgentAcademy.sln" add --solution-folder src/Modules "$dir/ChangeAgentAcademy.$name.csproj" >/dev/null
echo "created $dir; build with: dotnet build -c Release ChangeAgentAcademy.sln"
