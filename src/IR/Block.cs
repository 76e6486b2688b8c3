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

    /// <summary>Gives every instruction its position as <see cref="Inst.Id"/>.</summary>
    public void Renumber()
    {
        for (int k = 0; k < Insts.Count; k++) Insts[k].Id = k;
    }

    public override string ToString() => IrPrinter.Print(this);
}
