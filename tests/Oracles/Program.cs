using System.Globalization;
using Translator.Oracles;

// Differential campaigns against the oracles, longer than CI runs:
//   Translator.Oracles a32 [--random N] [--table N] [--family NAME] [--seed S] [--mask HEX --value HEX] [--examples N] [--undefined-examples]
// Exit code 0 when every compared word agreed.
//   Translator.Oracles capstone [same options]: decoded operands against Capstone 4 instead of text against objdump.
//   Translator.Oracles t32 [same options]: Thumb instruction streams (16- and 32-bit, with IT blocks) against objdump -M force-thumb;
//     --mask/--value fix bits of each instruction (hw1:hw2, or the halfword when the mask fits in 16 bits).
if (args.Length == 0 || args[0] is not ("a32" or "capstone" or "t32"))
{
    Console.Error.WriteLine("usage: Translator.Oracles a32|capstone|t32 [--random N] [--table N] [--family NAME] [--seed S] [--mask HEX --value HEX] [--examples N] [--undefined-examples]");
    return 2;
}
int random = 0, table = 0, examples = 20;
int seed = Environment.TickCount;
string? family = null;
uint mask = 0, value = 0;
bool undefinedExamples = false;
for (int k = 1; k < args.Length; k++)
{
    string Next() => k + 1 < args.Length ? args[++k] : throw new ArgumentException($"{args[k]} needs a value");
    switch (args[k])
    {
        case "--random": random = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--table": table = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--family": family = Next(); break;
        case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--mask": mask = Convert.ToUInt32(Next(), 16); break;
        case "--value": value = Convert.ToUInt32(Next(), 16); break;
        case "--examples": examples = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--all": KnownDisagreements.Ignore = true; break;
        case "--undefined-examples": undefinedExamples = true; break;
        default: Console.Error.WriteLine($"unknown option {args[k]}"); return 2;
    }
}
Console.WriteLine($"seed {seed}");
var rng = new Random(seed);
if (args[0] == "t32")
{
    var instructions = new List<uint>();
    if (table > 0) instructions.AddRange(ThumbDifferential.TableSamples(rng, table, family));
    if (random > 0) instructions.AddRange(ThumbDifferential.RandomInstructions(rng, random, mask, value));
    var thumb = new ThumbDifferential { ExamplesPerClass = examples, UndefinedExamplesOnly = undefinedExamples };
    thumb.Compare(instructions);
    Console.Write(thumb.Report());
    return thumb.Agreed == thumb.Total ? 0 : 1;
}
var words = new List<uint>();
if (table > 0) words.AddRange(A32Differential.TableSamples(rng, table, family));
if (random > 0) words.AddRange(A32Differential.RandomWords(rng, random, mask, value));
if (args[0] == "capstone")
{
    var operands = new A32OperandDifferential { ExamplesPerFamily = examples };
    operands.Compare(words);
    Console.Write(operands.Report());
    return operands.AgreedChecked == operands.Checked ? 0 : 1;
}
var diff = new A32Differential { ExamplesPerClass = examples, UndefinedExamplesOnly = undefinedExamples };
diff.Compare(words);
Console.Write(diff.Report());
return diff.Agreed == diff.Total ? 0 : 1;
