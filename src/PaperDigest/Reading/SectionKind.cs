namespace PaperDigest.Reading;

/// <summary>What a section is for, from LaTeXML's classes and its heading words; decides what a token budget drops first.</summary>
internal enum SectionKind
{
    Other,
    Introduction,
    Background,
    Method,
    Experiments,
    Discussion,
    Conclusion,
    Limitations,
    RelatedWork,
    Proof,
    Statement,
    Acknowledgements,
    Appendix,
    References,
}
