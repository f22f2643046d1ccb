using PaperDigest.Papers;
using PaperDigest.Ranking;

namespace PaperDigest.Tests.TestSupport;

/// <summary>Small hand-made ranking problems that both rankers (offline and by embeddings) are held to.</summary>
internal static class RankingSamples
{
    public static Paper Candidate(string id, string title, string abs, params string[] authors) =>
        new(ArxivId.Parse(id), title, abs, authors, null, ["cs.RO"]);

    /// <summary>A library whose old paper is about speech and whose newest is about grasping; a candidate like each (the grasping one, 2601.00011, should lead).</summary>
    public static (LibraryPaper[] Library, Paper[] Candidates) RecentGraspingOldSpeech() =>
    (
        [
            new LibraryPaper("Speech Recognition with Transformers", "Transformer acoustic models for speech recognition.", [], new DateOnly(2022, 1, 1)),
            new LibraryPaper("Dexterous Grasping with Tactile Sensing", "Robot hands grasp objects using tactile sensing.", [], new DateOnly(2025, 6, 1)),
        ],
        [
            Candidate("2601.00010", "Speech Recognition at Scale", "Transformer models for speech recognition."),
            Candidate("2601.00011", "Tactile Grasping of Deformable Objects", "Robot hands grasp deformable objects with tactile sensing."),
        ]
    );
}
