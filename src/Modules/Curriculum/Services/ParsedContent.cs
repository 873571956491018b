using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record ParsedContent(FrontMatter Meta, string Body);
