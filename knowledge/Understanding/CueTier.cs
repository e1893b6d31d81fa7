namespace AssistBot.Knowledge.Understanding;

/// <summary>How strongly a cue names its topic: a policy's name, people's words for it, or a situation that only hints at it.</summary>
public enum CueTier { Hint = 1, Colloquial = 2, Name = 3 }
