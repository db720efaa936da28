namespace Experimenten.Links;

/// <summary>What a signed link allows. A token minted for one purpose is refused for every other.</summary>
public enum LinkPurpose
{
    Status,
    Review,
    Revision,
    Report,
    Plan,
}
