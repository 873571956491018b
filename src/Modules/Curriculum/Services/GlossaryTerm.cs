using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed class GlossaryTerm
{
    public string? Id { get; set; }

    public string? Term { get; set; }

    public string? Definition { get; set; }
}
