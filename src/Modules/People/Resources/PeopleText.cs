namespace ChangeAgentAcademy.People.Resources;

public sealed class PeopleText;
