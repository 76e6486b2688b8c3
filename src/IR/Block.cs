namespace Translator.IR;

/// <summary>
/// A translated guest block: straight-line IR with one terminal. All of its guest instructions share
/// one condition (<see cref="Condition"/>, an ARM condition code, 14 = always); when it fails on
/// entry the block does nothing but continue at <see cref="ConditionFailedTarget"/>.
/// </summary>
public sealed class Block
{
    public uint StartPc { get; }
    public bool Thumb { get; }
    public List<Inst> Insts { get; } = [];
    public Terminal? Terminal { get; set; }
    public byte Condition { get; set; } = 14;
    public uint ConditionFailedTarget { get; set; }
    /// <summary>ITSTATE at <see cref="ConditionFailedTarget"/> (Thumb).</summary>
    public byte ConditionFailedIt { get; set; }
    /// <summary>ITSTATE the block was translated for (part of its key; Thumb).</summary>
    public byte StartIt { get; set; }
    /// <summary>Guest instructions the block covers.</summary>
    public int GuestInstructions { get; set; }
    /// <summary>Address just past the last guest instruction.</summary>
    public uint EndPc { get; set; }

    public Block(uint startPc, bool thumb)
    {
        StartPc = startPc;
        Thumb = thumb;
        EndPc = startPc;
    }

    /// <summary>Where the block continues when it leaves through a known address: a failed entry condition, or a direct jump of its terminal.</summary>
    public IEnumerable<Jump> DirectSuccessors()
    {
        if (Condition != Semantics.Conditions.Always) yield return new Jump(ConditionFailedTarget, Thumb, ConditionFailedIt);
        var pending = new Stack<Terminal>();
        pending.Push(Terminal ?? throw new InvalidOperationException("the block has no terminal yet"));
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case Jump j: yield return j; break;
                case If i: pending.Push(i.Else); pending.Push(i.Then); break;
            }
        }
    }

    /// <summary>Gives every instruction its position as <see cref="Inst.Id"/>.</summary>
    public void Renumber()
    {
        for (int k = 0; k < Insts.Count; k++) Insts[k].Id = k;
    }

    public override string ToString() => IrPrinter.Print(this);
}
