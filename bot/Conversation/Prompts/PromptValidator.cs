using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation.Prompts;

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
