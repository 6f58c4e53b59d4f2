// Runtime core: coroutines and async generators (PEP 492, PEP 525), on the generator
// machinery of gen.ts.
//
// A coroutine or an async generator is a generator object (layout.ts GENERATOR) of another
// type, made by the same GEN_CREATE code (rt_gen_create picks the type from the code's
// flags) and resumed by the same rt_gen_resume / rt_gen_throw. What this file adds:
//
//   coroutine                 send/throw/close, __await__ (a coroutine_wrapper), repr
//   coroutine_wrapper         the iterator coroutine.__await__() returns: resumes the coroutine
//   async_generator           __aiter__, __anext__/asend (an asend awaitable), athrow/aclose
//                             (an athrow awaitable); `yield` values are wrapped
//                             (ASYNC_GEN_WRAP) so the awaitables can tell them from awaits
//                             passing through to the event loop
//   async_generator_asend,    awaitables driving one step of an async generator: a wrapped
//   async_generator_athrow    value completes the awaitable (StopIteration(value)), other
//                             values pass through; CPython 3.11 Objects/genobject.c states
//   GET_AWAITABLE, GET_AITER, GET_ANEXT, END_ASYNC_FOR, BEFORE_ASYNC_WITH: their runtime steps
//                             (CPython 3.11 ceval.c), with CPython's TypeError messages.
//
// The awaitables' "send" routines (rt_coro_wrapper_send, rt_asend_send, rt_athrow_send) have
// rt_gen_resume's result convention (rax = value with rdx = 1 to pass on, rdx = 0 for the
// result, or EXC), so SEND (rt_send) drives them without StopIteration objects.
//
// Objects (layout `fixed`, aux = number of value words; states are raw 0/1/2 words):
//
//   coroutine_wrapper                +16 coroutine
//   async_generator_asend            +16 generator  +24 value to send first  +32 state
//   async_generator_athrow           +16 generator  +24 args tuple (None: aclose)  +32 state
//   async_generator_wrapped_value    +16 value
//   anext_awaitable                  +16 the awaitable __anext__() gave  +24 default
//
// anext(it, default) returns an anext_awaitable (CPython's anextawaitable): each step goes
// to the iterator of the wrapped awaitable, and StopAsyncIteration from it completes the
// await with the default instead.

import { type Assembler, type Label, dword, eax, ecx, edi, r11, edx, esi, mem, qword, r12, r12d, r13, r13d, r14, rax, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { boxInt, EXCEPTION, FUNCTION, GEN_AUX_CLOSED, GEN_AUX_HOOKS_INITED, GEN_AUX_LOOP_OWNED, GEN_AUX_RUNNING_ASYNC, GEN_FINISHED, GENERATOR, HDR_AUX, TAG_OBJ, TUPLE, typeSlot, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { staticStr } from './descrkit.js';
import { type BiSpec, builtinRoutine, specData } from './bi_args.js';
import { cstr } from './exc.js';

export const CORO_WRAPPER = { coro: 16, size: 24 } as const;
export const ASEND = { gen: 16, sendval: 24, state: 32, size: 40 } as const;
export const ATHROW = { gen: 16, args: 24, state: 32, size: 40 } as const;
export const WRAPPED = { value: 16, size: 24 } as const;
export const ANEXT_AW = { wrapped: 16, dflt: 24, size: 32 } as const;

/** aiter() and anext(): CPython 3.11's argument parsing (METH_O; _PyArg_CheckPositional). */
const AITER_SPEC: BiSpec = { fname: 'aiter', style: 'O', min: 1, max: 1 };
const ANEXT_SPEC: BiSpec = { fname: 'anext', style: 'VAR', min: 1, max: 2 };
const HOOKS_SPEC: BiSpec = { fname: 'set_asyncgen_hooks', style: 'CLINIC', min: 0, max: 2, posonly: 0, names: ['firstiter', 'finalizer'] };

/** States of the asend/athrow awaitables (CPython's AWAITABLE_STATE_*). */
const AW_INIT = 0;
const AW_ITER = 1;
const AW_CLOSED = 2;

type R64 = typeof rax;

/** rax = raw address of a new `fixed` object of `type_<name>` of `size` bytes. */
function allocFixed(a: Assembler<any>, name: string, size: number): void {
  a.mov(edi, size);
  a.lea(rsi, rip(sym(`type_${name}`)));
  a.call(sym('rt_alloc'));
  a.mov(dword(mem(rax, HDR_AUX)), (size - 16) / 8);
}

/** Jump to `no` unless the value in `v` is an object whose type is exactly `type_<name>`. Clobbers `t` (not r11), r11. */
function ifNotType(a: Assembler<any>, v: R64, t: R64, name: string, no: Label): void {
  a.mov(t, v);
  a.shr(t, 48);
  a.cmp(t, TAG_OBJ);
  a.jne(no);
  a.mov(t, v);
  unboxPtr(a, t);
  a.mov(t, qword(mem(t)));
  a.lea(r11, rip(sym(`type_${name}`)));
  a.cmp(t, r11);
  a.jne(no);
}

/** `raise type(cstr)` into rax (EXC) and jump to `out`. */
function raiseCstr(a: Assembler<any>, type: string, msg: string, out: Label): void {
  a.lea(rdi, rip(sym(`type_${type}`)));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_cstr'));
  a.jmp(out);
}

/** `raise type(fmt % (value in rdx))` into rax (EXC) and jump to `out`. */
function raiseFmt1(a: Assembler<any>, type: string, msg: string, arg: R64, out: Label): void {
  if (arg !== rdx) a.mov(rdx, arg);
  a.lea(rdi, rip(sym(`type_${type}`)));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(out);
}

/** eax = isinstance(rt_exc, type_<name>). Clobbers caller-saved registers. */
function pendingIs(a: Assembler<any>, name: string): void {
  a.mov(rdi, g('rt_exc'));
  a.lea(rsi, rip(sym(`type_${name}`)));
  a.call(sym('rt_isinstance_type'));
}

/** The header aux word of the generator whose value is in `gen`, via `t` (raw address). */
function auxOf(a: Assembler<any>, gen: R64, t: R64) {
  a.mov(t, gen);
  unboxPtr(a, t);
  return dword(mem(t, HDR_AUX));
}

/** A repr "<kind object qualname at 0x...>" of a generator-like object. */
function reprRoutine(type: string): RuntimeRoutine {
  return {
    name: `rt_repr_${type}`,
    contract: `rdi=${type} -> str "<${type} object f at 0x...>"; may allocate`,
    emit(a) {
      prologue(a, [r12], 8 * 3);
      a.mov(r12, rdi);
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, GENERATOR.func)));
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, FUNCTION.qualname)));
      a.mov(qword(mem(rsp)), rax);
      a.mov(rax, r12);
      unboxPtr(a, rax);
      a.mov(qword(mem(rsp, 8)), rax);
      a.lea(rdi, rip(sym(`fmt_repr_${type}`)));
      a.mov(rsi, rsp);
      a.call(sym('rt_str_fmt'));
      epilogue(a, [r12], 8 * 3);
    },
  };
}

/**
 * A method of an awaitable that acts on the object it wraps: vector ABI, args[0] replaced by
 * the word at `field` of the receiver, then `target` (at most 3 more arguments are passed on).
 */
function forwardingMethod(name: string, field: number, target: string, doc: string): RuntimeRoutine {
  return {
    name,
    contract: `${doc}: vector ABI -> what ${target} returns for the wrapped object; may allocate, may raise`,
    emit(a) {
      const copy = a.newLabel();
      const copied = a.newLabel();
      prologue(a, [r12], 8 * 5);
      a.mov(rax, qword(mem(rdi)));
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, field)));
      a.mov(qword(mem(rsp)), rax);
      a.mov(r12, rsi);
      a.cmp(r12, 4);
      const fits = a.newLabel();
      a.jbe(fits);
      a.mov(r12d, 4); // more would be an argument-count error anyway: keep four
      a.bind(fits);
      a.mov(ecx, 1);
      a.bind(copy);
      a.cmp(rcx, r12);
      a.jae(copied);
      a.mov(rax, qword(sib(rdi, rcx, 8)));
      a.mov(qword(sib(rsp, rcx, 8)), rax);
      a.inc(ecx);
      a.jmp(copy);
      a.bind(copied);
      a.mov(rdi, rsp);
      a.mov(rsi, r12);
      a.call(sym(target));
      epilogue(a, [r12], 8 * 5);
    },
  };
}

/** The awaitable send/throw result (rax, rdx as rt_gen_resume) as a method returns it: rdx = 0 raises StopIteration(value). */
function toMethodResult(a: Assembler<any>): void {
  a.call(sym('rt_gen_result_to_send'));
}

/** After one step of an asend awaitable (rax, rdx as rt_gen_resume): the awaitable is done (state CLOSED) when the step raised or completed (rdx = 0). Keeps rax, rdx. */
function stepDone(a: Assembler<any>, aw: R64, stateOff: number): void {
  const close = a.newLabel();
  const keep = a.newLabel();
  a.cmp(rax, g('rt_const_exc'));
  a.je(close);
  a.test(edx, edx);
  a.jne(keep);
  a.bind(close);
  a.mov(qword(mem(aw, stateOff)), AW_CLOSED);
  a.bind(keep);
}

/**
 * athrow(typ[, val[, tb]]): raise the exception its saved arguments describe into rt_exc
 * (generator.throw's rules, rt_throw_args), or jump to `out` with rax = EXC when they are bad.
 * `aw` = raw athrow. The tuple's items are passed as rt_throw_args' vector: the word before
 * them (the length) stands for args[0], the receiver, which rt_throw_args never reads.
 */
function throwArgsRaise(a: Assembler<any>, aw: R64, out: Label): void {
  a.mov(rax, qword(mem(aw, ATHROW.args)));
  unboxPtr(a, rax);
  a.mov(rsi, qword(mem(rax, TUPLE.length)));
  a.inc(rsi);
  a.lea(rdi, mem(rax, TUPLE.items - 8));
  a.call(sym('rt_throw_args'));
  a.test(eax, eax);
  a.mov(rax, g('rt_const_exc'));
  a.jne(out);
}

/**
 * An athrow awaitable after a later step (rax, rdx as rt_gen_resume; `aw` raw athrow, `gen`
 * its generator; r13 is clobbered): athrow mode unwraps the value (async_gen_unwrap_value);
 * aclose mode fails on an async yield (yieldClose) and completes when the generator raised or
 * returned (checkError). CPython 3.11 async_gen_athrow_send, AWAITABLE_STATE_ITER.
 */
function athrowAfterStep(a: Assembler<any>, aw: R64, gen: R64, checkError: Label, yieldClose: Label, out: Label): void {
  const closeMode = a.newLabel();
  a.mov(rcx, qword(mem(aw, ATHROW.args)));
  a.cmp(rcx, g('rt_const_None'));
  a.je(closeMode);
  a.mov(rdi, gen);
  a.call(sym('rt_agen_unwrap'));
  a.jmp(out);
  a.bind(closeMode);
  a.cmp(rax, g('rt_const_exc'));
  a.je(checkError);
  a.test(edx, edx);
  a.je(checkError);
  ifNotType(a, rax, r13, 'async_generator_wrapped_value', out);
  a.jmp(yieldClose);
}

/** aclose() whose generator yielded a value: RuntimeError "async generator ignored GeneratorExit" (yield_close). */
function athrowYieldClose(a: Assembler<any>, aw: R64, gen: R64, out: Label): void {
  a.and(auxOf(a, gen, rcx), ~GEN_AUX_RUNNING_ASYNC);
  a.mov(qword(mem(aw, ATHROW.state)), AW_CLOSED);
  raiseCstr(a, 'RuntimeError', 'msg_agen_ignored_exit', out);
}

/**
 * The athrow awaitable is done (check_error): in aclose mode StopAsyncIteration and
 * GeneratorExit, or the generator returning, complete it with None; anything else (and every
 * result in athrow mode) is kept in rax, rdx.
 */
function athrowCheckError(a: Assembler<any>, aw: R64, gen: R64, out: Label): void {
  const done = a.newLabel();
  const clear = a.newLabel();
  a.and(auxOf(a, gen, rcx), ~GEN_AUX_RUNNING_ASYNC);
  a.mov(qword(mem(aw, ATHROW.state)), AW_CLOSED);
  a.mov(rcx, qword(mem(aw, ATHROW.args)));
  a.cmp(rcx, g('rt_const_None'));
  a.jne(out);
  a.cmp(rax, g('rt_const_exc'));
  a.jne(done);
  pendingIs(a, 'StopAsyncIteration');
  a.test(eax, eax);
  a.jne(clear);
  pendingIs(a, 'GeneratorExit');
  a.test(eax, eax);
  a.jne(clear);
  a.mov(rax, g('rt_const_exc'));
  a.jmp(out);
  a.bind(clear);
  a.mov(rax, g('rt_const_unbound'));
  a.mov(g('rt_exc'), rax);
  a.bind(done);
  a.mov(rax, g('rt_const_None'));
  a.xor(edx, edx);
  a.jmp(out);
}

/** send(value) of an awaitable: vector ABI -> what `target` (rdi = receiver, rsi = value) passes on, or EXC (StopIteration(result) when it completes). */
function sendMethod(name: string, target: string): RuntimeRoutine {
  return {
    name,
    contract: `send(value) of an awaitable: vector ABI -> the value ${target} passes on, or EXC (StopIteration(result) when it completes); may allocate, may raise`,
    emit(a) {
      const bad = a.newLabel();
      a.sub(rsp, 8);
      a.cmp(rsi, 2);
      a.jne(bad);
      a.mov(rsi, qword(mem(rdi, 8)));
      a.mov(rdi, qword(mem(rdi)));
      a.call(sym(target));
      a.call(sym('rt_gen_result_to_send'));
      a.add(rsp, 8);
      a.ret();
      a.bind(bad);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_gen_send_args')));
      a.call(sym('rt_raise_cstr'));
      a.add(rsp, 8);
      a.ret();
    },
  };
}

/** throw(...) of an awaitable: vector ABI (generator.throw's arguments) -> what `target` (rdi = receiver, exception in rt_exc) passes on, or EXC. */
function throwMethod(name: string, target: string): RuntimeRoutine {
  return {
    name,
    contract: `throw(exc) / throw(type[, value[, tb]]) of an awaitable: vector ABI -> the value ${target} passes on, or EXC (StopIteration(result) when it completes); may allocate, may raise`,
    emit(a) {
      const out = a.newLabel();
      prologue(a, [r12]);
      a.mov(r12, qword(mem(rdi)));
      a.call(sym('rt_throw_args'));
      a.test(eax, eax);
      a.mov(rax, g('rt_const_exc'));
      a.jne(out);
      a.mov(rdi, r12);
      a.call(sym(target));
      a.call(sym('rt_gen_result_to_send'));
      a.bind(out);
      epilogue(a, [r12]);
    },
  };
}

export const coroModule: RuntimeModule = {
  name: 'coro',
  types: [
    { name: 'coroutine', layout: 'generator' },
    { name: 'async_generator', layout: 'generator' },
    { name: 'coroutine_wrapper', layout: 'fixed' },
    { name: 'async_generator_asend', layout: 'fixed' },
    { name: 'async_generator_athrow', layout: 'fixed' },
    { name: 'async_generator_wrapped_value', layout: 'fixed' },
    { name: 'anext_awaitable', layout: 'fixed' },
  ],
  builtins: [
    { name: 'aiter', entry: 'rt_builtin_aiter' },
    { name: 'anext', entry: 'rt_builtin_anext' },
  ],
  methods: [
    { type: 'coroutine', name: 'send', entry: 'rt_gen_send_method' },
    { type: 'coroutine', name: 'throw', entry: 'rt_gen_throw_method' },
    { type: 'coroutine', name: 'close', entry: 'rt_gen_close_method' },
    { type: 'coroutine', name: '__await__', entry: 'rt_coro_await' },
    { type: 'coroutine_wrapper', name: 'send', entry: 'rt_coro_wrapper_send_method' },
    { type: 'coroutine_wrapper', name: 'throw', entry: 'rt_coro_wrapper_throw_method' },
    { type: 'coroutine_wrapper', name: 'close', entry: 'rt_coro_wrapper_close_method' },
    { type: 'async_generator', name: '__aiter__', entry: 'rt_agen_aiter' },
    { type: 'async_generator', name: '__anext__', entry: 'rt_agen_anext_method' },
    { type: 'async_generator', name: 'asend', entry: 'rt_agen_asend_method' },
    { type: 'async_generator', name: 'athrow', entry: 'rt_agen_athrow_method' },
    { type: 'async_generator', name: 'aclose', entry: 'rt_agen_aclose_method' },
    { type: 'async_generator_asend', name: 'send', entry: 'rt_asend_send_method' },
    { type: 'async_generator_asend', name: 'throw', entry: 'rt_asend_throw_method' },
    { type: 'async_generator_asend', name: 'close', entry: 'rt_aw_close_method' },
    { type: 'async_generator_asend', name: '__await__', entry: 'rt_aw_await' },
    { type: 'async_generator_athrow', name: 'send', entry: 'rt_athrow_send_method' },
    { type: 'async_generator_athrow', name: 'throw', entry: 'rt_athrow_throw_method' },
    { type: 'async_generator_athrow', name: 'close', entry: 'rt_aw_close_method' },
    { type: 'async_generator_athrow', name: '__await__', entry: 'rt_aw_await' },
    { type: 'anext_awaitable', name: 'send', entry: 'rt_anext_aw_send_method' },
    { type: 'anext_awaitable', name: 'throw', entry: 'rt_anext_aw_throw_method' },
    { type: 'anext_awaitable', name: 'close', entry: 'rt_anext_aw_close_method' },
    { type: 'anext_awaitable', name: '__await__', entry: 'rt_aw_await' },
  ],
  routines: [
    reprRoutine('coroutine'),
    reprRoutine('async_generator'),
    // ---- coroutines
    {
      name: 'rt_coro_await',
      contract: 'coroutine.__await__(): vector ABI (args[0] the coroutine) -> a new coroutine_wrapper; may allocate',
      emit(a) {
        prologue(a, [r12]);
        a.mov(r12, qword(mem(rdi)));
        allocFixed(a, 'coroutine_wrapper', CORO_WRAPPER.size);
        a.mov(qword(mem(rax, CORO_WRAPPER.coro)), r12);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_coro_wrapper_send',
      contract: 'rdi=coroutine_wrapper, rsi=value -> as rt_gen_resume on its coroutine (rax, rdx = 1 yielded / 0 returned, or EXC); may allocate, may raise',
      emit(a) {
        unboxPtr(a, rdi);
        a.mov(rdi, qword(mem(rdi, CORO_WRAPPER.coro)));
        a.xor(edx, edx);
        a.jmp(sym('rt_gen_resume'));
      },
    },
    {
      name: 'rt_iter_coroutine_wrapper',
      contract: 'iter slot of coroutine_wrapper: rdi -> itself',
      emit(a) {
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_next_coroutine_wrapper',
      contract: 'next slot of coroutine_wrapper: rdi -> the value the coroutine yields, UNBOUND when it returns None, EXC with StopIteration(value) when it returns a value; may allocate, may raise',
      emit(a) {
        a.sub(rsp, 8);
        a.mov(rsi, g('rt_const_None'));
        a.call(sym('rt_coro_wrapper_send'));
        a.call(sym('rt_aw_next_result'));
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_aw_next_result',
      contract: 'rax, rdx as rt_gen_resume -> what a next slot returns: the value for rdx = 1, UNBOUND for a None result, EXC with StopIteration(result) otherwise; may allocate',
      emit(a) {
        const out = a.newLabel();
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.test(edx, edx);
        a.jne(out);
        a.cmp(rax, g('rt_const_None'));
        const value = a.newLabel();
        a.jne(value);
        a.mov(rax, g('rt_const_unbound'));
        a.ret();
        a.bind(value);
        a.mov(rdi, rax);
        a.jmp(sym('rt_raise_stopiteration'));
        a.bind(out);
        a.ret();
      },
    },
    forwardingMethod('rt_coro_wrapper_send_method', CORO_WRAPPER.coro, 'rt_gen_send_method', 'coroutine_wrapper.send(value)'),
    forwardingMethod('rt_coro_wrapper_throw_method', CORO_WRAPPER.coro, 'rt_gen_throw_method', 'coroutine_wrapper.throw(...)'),
    forwardingMethod('rt_coro_wrapper_close_method', CORO_WRAPPER.coro, 'rt_gen_close_method', 'coroutine_wrapper.close()'),
    // ---- async generators
    {
      name: 'rt_async_gen_wrap',
      contract: 'rdi=value an async generator yields -> a new async_generator_wrapped_value holding it; may allocate',
      emit(a) {
        prologue(a, [r12]);
        a.mov(r12, rdi);
        allocFixed(a, 'async_generator_wrapped_value', WRAPPED.size);
        a.mov(qword(mem(rax, WRAPPED.value)), r12);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_agen_aiter',
      contract: 'async_generator.__aiter__(): vector ABI -> the async generator itself',
      emit(a) {
        a.mov(rax, qword(mem(rdi)));
        a.ret();
      },
    },
    {
      name: 'rt_agen_asend_new',
      contract: 'rdi=async generator, rsi=value to send -> a new async_generator_asend awaitable; may allocate',
      emit(a) {
        const out = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(qword(mem(rsp)), rsi); // (machine stack: kept alive across the hook)
        a.call(sym('rt_agen_init_hooks'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        allocFixed(a, 'async_generator_asend', ASEND.size);
        a.mov(qword(mem(rax, ASEND.gen)), r12);
        a.mov(qword(mem(rax, ASEND.sendval)), r13);
        a.mov(qword(mem(rax, ASEND.state)), AW_INIT);
        boxPtr(a, rax, rcx);
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
    {
      name: 'rt_agen_anext_method',
      contract: 'async_generator.__anext__(): vector ABI -> an asend awaitable sending None; may allocate',
      emit(a) {
        a.mov(rdi, qword(mem(rdi)));
        a.mov(rsi, g('rt_const_None'));
        a.jmp(sym('rt_agen_asend_new'));
      },
    },
    {
      name: 'rt_agen_asend_method',
      contract: 'async_generator.asend(value): vector ABI -> an asend awaitable; TypeError for another argument count; may allocate',
      emit(a) {
        const bad = a.newLabel();
        a.cmp(rsi, 2);
        a.jne(bad);
        a.mov(rsi, qword(mem(rdi, 8)));
        a.mov(rdi, qword(mem(rdi)));
        a.jmp(sym('rt_agen_asend_new'));
        a.bind(bad);
        a.lea(rdx, mem(rsi, -1));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_asend_args')));
        a.jmp(sym('rt_raise_fmt'));
      },
    },
    {
      name: 'rt_agen_athrow_new',
      contract: 'rdi=async generator, rsi=args tuple of athrow (None for aclose) -> a new async_generator_athrow awaitable; may allocate',
      emit(a) {
        const out = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(qword(mem(rsp)), rsi); // (machine stack: kept alive across the hook)
        a.call(sym('rt_agen_init_hooks'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        allocFixed(a, 'async_generator_athrow', ATHROW.size);
        a.mov(qword(mem(rax, ATHROW.gen)), r12);
        a.mov(qword(mem(rax, ATHROW.args)), r13);
        a.mov(qword(mem(rax, ATHROW.state)), AW_INIT);
        boxPtr(a, rax, rcx);
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
    {
      name: 'rt_agen_athrow_method',
      contract: 'async_generator.athrow(typ[, val[, tb]]): vector ABI -> an athrow awaitable (the arguments are used when it first runs); TypeError for a wrong argument count; may allocate',
      emit(a) {
        const bad = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.cmp(rsi, 2);
        a.jb(bad);
        a.cmp(rsi, 4);
        a.ja(bad);
        a.lea(rdi, mem(r13, -1));
        a.call(sym('rt_tuple_alloc'));
        for (let k = 1; k <= 3; k++) {
          const skip = a.newLabel();
          a.cmp(r13, k);
          a.jbe(skip);
          a.mov(rcx, qword(mem(r12, 8 * k)));
          a.mov(qword(mem(rax, TUPLE.items + 8 * (k - 1))), rcx);
          a.bind(skip);
        }
        boxPtr(a, rax, rcx);
        a.mov(rsi, rax);
        a.mov(rdi, qword(mem(r12)));
        a.call(sym('rt_agen_athrow_new'));
        a.jmp(out);
        a.bind(bad);
        a.lea(rdx, mem(r13, -1));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym(`msg_athrow_args`)));
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
    {
      name: 'rt_agen_aclose_method',
      contract: 'async_generator.aclose(): vector ABI -> an athrow awaitable in close mode; may allocate',
      emit(a) {
        a.mov(rdi, qword(mem(rdi)));
        a.mov(rsi, g('rt_const_None'));
        a.jmp(sym('rt_agen_athrow_new'));
      },
    },
    {
      name: 'rt_agen_unwrap',
      contract: 'rdi=async generator, rax, rdx = what rt_gen_resume/rt_gen_throw gave -> rax, rdx: a wrapped value (an async `yield`) becomes the result (rdx = 0) and ends the running step; other yields pass on (rdx = 1); the body returning raises StopAsyncIteration; StopAsyncIteration/GeneratorExit mark the generator closed (async_gen_unwrap_value); may allocate',
      emit(a) {
        const out = a.newLabel();
        const error = a.newLabel();
        const endStep = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, rdi);
        a.cmp(rax, g('rt_const_exc'));
        a.je(error);
        a.test(edx, edx);
        const yielded = a.newLabel();
        a.jne(yielded);
        // Returned: StopAsyncIteration.
        a.lea(rdi, rip(sym('type_StopAsyncIteration')));
        boxPtr(a, rdi, rcx);
        a.call(sym('rt_raise'));
        a.bind(error);
        {
          const closes = a.newLabel();
          pendingIs(a, 'StopAsyncIteration');
          a.test(eax, eax);
          a.jne(closes);
          pendingIs(a, 'GeneratorExit');
          a.test(eax, eax);
          const keep = a.newLabel();
          a.je(keep);
          a.bind(closes);
          a.or(auxOf(a, r12, rcx), GEN_AUX_CLOSED);
          a.bind(keep);
          a.and(auxOf(a, r12, rcx), ~GEN_AUX_RUNNING_ASYNC);
          a.mov(rax, g('rt_const_exc'));
          a.jmp(out);
        }
        a.bind(yielded);
        a.mov(r13, rax);
        ifNotType(a, rax, rcx, 'async_generator_wrapped_value', out);
        a.mov(rax, r13);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, WRAPPED.value)));
        a.bind(endStep);
        a.and(auxOf(a, r12, rcx), ~GEN_AUX_RUNNING_ASYNC);
        a.xor(edx, edx);
        a.jmp(out);
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
    {
      name: 'rt_asend_send',
      contract: 'rdi=async_generator_asend, rsi=value -> as rt_gen_resume (rdx = 1: a value the generator\'s awaits pass on; rdx = 0: the value it yielded, the result), or EXC (StopAsyncIteration when it is exhausted); RuntimeError when reused or when the generator is already running an awaitable; may allocate, may raise',
      emit(a) {
        const out = a.newLabel();
        const closed = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, qword(mem(r12, ASEND.gen)));
        a.cmp(qword(mem(r12, ASEND.state)), AW_CLOSED);
        a.je(closed);
        {
          const started = a.newLabel();
          a.cmp(qword(mem(r12, ASEND.state)), AW_INIT);
          a.jne(started);
          a.test(auxOf(a, r14, rcx), GEN_AUX_RUNNING_ASYNC);
          const free = a.newLabel();
          a.je(free);
          raiseCstr(a, 'RuntimeError', 'msg_anext_running', out);
          a.bind(free);
          const given = a.newLabel();
          a.cmp(r13, g('rt_const_None'));
          a.jne(given);
          a.mov(r13, qword(mem(r12, ASEND.sendval)));
          a.bind(given);
          a.mov(qword(mem(r12, ASEND.state)), AW_ITER);
          a.bind(started);
        }
        a.or(auxOf(a, r14, rcx), GEN_AUX_RUNNING_ASYNC);
        a.mov(rdi, r14);
        a.mov(rsi, r13);
        a.xor(edx, edx);
        a.call(sym('rt_gen_resume'));
        a.mov(rdi, r14);
        a.call(sym('rt_agen_unwrap'));
        stepDone(a, r12, ASEND.state);
        a.jmp(out);
        a.bind(closed);
        raiseCstr(a, 'RuntimeError', 'msg_asend_reused', out);
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_asend_throw',
      contract: 'rdi=async_generator_asend, the exception to throw in rt_exc -> as rt_asend_send; may allocate, may raise',
      emit(a) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, qword(mem(r12, ASEND.gen)));
        const open = a.newLabel();
        a.cmp(qword(mem(r12, ASEND.state)), AW_CLOSED);
        a.jne(open);
        raiseCstr(a, 'RuntimeError', 'msg_asend_reused', out);
        a.bind(open);
        a.mov(rdi, r13);
        a.mov(esi, 1);
        a.call(sym('rt_gen_throw'));
        a.mov(rdi, r13);
        a.call(sym('rt_agen_unwrap'));
        stepDone(a, r12, ASEND.state);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_athrow_send',
      contract: 'rdi=async_generator_athrow, rsi=value -> as rt_asend_send; the first step throws the exception (or GeneratorExit for aclose) into the generator; aclose completes with None when the generator exits, RuntimeError "async generator ignored GeneratorExit" when it yields; may allocate, may raise',
      emit(a) {
        // CPython 3.11 async_gen_athrow_send.
        const out = a.newLabel();
        const checkError = a.newLabel();
        const yieldClose = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, qword(mem(r12, ATHROW.gen)));
        {
          const open = a.newLabel();
          a.cmp(qword(mem(r12, ATHROW.state)), AW_CLOSED);
          a.jne(open);
          raiseCstr(a, 'RuntimeError', 'msg_athrow_reused', out);
          a.bind(open);
        }
        // A finished generator: the awaitable is done (None).
        {
          const live = a.newLabel();
          a.mov(rax, r14);
          unboxPtr(a, rax);
          a.mov(rax, qword(mem(rax, GENERATOR.state)));
          a.shl(rax, 16);
          a.sar(rax, 16);
          a.cmp(rax, GEN_FINISHED);
          a.jne(live);
          a.mov(qword(mem(r12, ATHROW.state)), AW_CLOSED);
          a.mov(rax, g('rt_const_None'));
          a.xor(edx, edx);
          a.jmp(out);
          a.bind(live);
        }
        const iter = a.newLabel();
        a.cmp(qword(mem(r12, ATHROW.state)), AW_INIT);
        a.jne(iter);
        {
          // First step.
          const isClose = (yes: Label): void => {
            a.mov(rax, qword(mem(r12, ATHROW.args)));
            a.cmp(rax, g('rt_const_None'));
            a.je(yes);
          };
          const free = a.newLabel();
          a.test(auxOf(a, r14, rcx), GEN_AUX_RUNNING_ASYNC);
          a.je(free);
          a.mov(qword(mem(r12, ATHROW.state)), AW_CLOSED);
          const closeMsg = a.newLabel();
          isClose(closeMsg);
          raiseCstr(a, 'RuntimeError', 'msg_athrow_running', out);
          a.bind(closeMsg);
          raiseCstr(a, 'RuntimeError', 'msg_aclose_running', out);
          a.bind(free);
          const notClosed = a.newLabel();
          a.test(auxOf(a, r14, rcx), GEN_AUX_CLOSED);
          a.je(notClosed);
          a.mov(qword(mem(r12, ATHROW.state)), AW_CLOSED);
          a.lea(rdi, rip(sym('type_StopAsyncIteration')));
          boxPtr(a, rdi, rcx);
          a.call(sym('rt_raise'));
          a.jmp(out);
          a.bind(notClosed);
          const noneSent = a.newLabel();
          a.cmp(r13, g('rt_const_None'));
          a.je(noneSent);
          raiseCstr(a, 'RuntimeError', 'msg_athrow_nonnone', out);
          a.bind(noneSent);
          a.mov(qword(mem(r12, ATHROW.state)), AW_ITER);
          a.or(auxOf(a, r14, rcx), GEN_AUX_RUNNING_ASYNC);
          const throwMode = a.newLabel();
          a.mov(rax, qword(mem(r12, ATHROW.args)));
          a.cmp(rax, g('rt_const_None'));
          a.jne(throwMode);
          // aclose(): GeneratorExit in (the delegate is not closed first).
          a.or(auxOf(a, r14, rcx), GEN_AUX_CLOSED);
          a.lea(rdi, rip(sym('type_GeneratorExit')));
          boxPtr(a, rdi, rcx);
          a.call(sym('rt_raise'));
          a.mov(rdi, r14);
          a.xor(esi, esi);
          a.call(sym('rt_gen_throw'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(checkError);
          a.test(edx, edx);
          a.je(checkError); // returned: treated like an exhausted generator below
          a.mov(r13, rax);
          ifNotType(a, rax, rcx, 'async_generator_wrapped_value', out);
          a.jmp(yieldClose);
          // athrow(typ[, val[, tb]]): that exception in.
          a.bind(throwMode);
          throwArgsRaise(a, r12, out);
          a.mov(rdi, r14);
          a.xor(esi, esi);
          a.call(sym('rt_gen_throw'));
          a.mov(rdi, r14);
          a.call(sym('rt_agen_unwrap'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(checkError);
          a.test(edx, edx);
          a.je(checkError); // completed with the value it yielded: the awaitable is done
          a.jmp(out);
        }
        a.bind(iter);
        a.mov(rdi, r14);
        a.mov(rsi, r13);
        a.xor(edx, edx);
        a.call(sym('rt_gen_resume'));
        athrowAfterStep(a, r12, r14, checkError, yieldClose, out);
        a.bind(yieldClose);
        athrowYieldClose(a, r12, r14, out);
        a.bind(checkError);
        athrowCheckError(a, r12, r14, out);
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_athrow_throw',
      contract: 'rdi=async_generator_athrow, the exception in rt_exc -> as rt_athrow_send; may allocate, may raise',
      emit(a) {
        const out = a.newLabel();
        const checkError = a.newLabel();
        const yieldClose = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r14, qword(mem(r12, ATHROW.gen)));
        const open = a.newLabel();
        a.cmp(qword(mem(r12, ATHROW.state)), AW_CLOSED);
        a.jne(open);
        raiseCstr(a, 'RuntimeError', 'msg_athrow_reused', out);
        a.bind(open);
        a.mov(rdi, r14);
        a.mov(esi, 1);
        a.call(sym('rt_gen_throw'));
        athrowAfterStep(a, r12, r14, checkError, yieldClose, out);
        a.bind(yieldClose);
        athrowYieldClose(a, r12, r14, out);
        a.bind(checkError);
        // athrow_throw in aclose mode turns StopAsyncIteration/GeneratorExit into completion too.
        athrowCheckError(a, r12, r14, out);
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    // ---- methods and slots of the awaitables
    {
      name: 'rt_iter_async_generator_asend',
      contract: 'iter slot: rdi -> itself',
      emit(a) {
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_iter_async_generator_athrow',
      contract: 'iter slot: rdi -> itself',
      emit(a) {
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_next_async_generator_asend',
      contract: 'next slot: rdi=asend -> a value passed on, UNBOUND / StopIteration(value) when it completes, or EXC; may allocate, may raise',
      emit(a) {
        a.sub(rsp, 8);
        a.mov(rsi, g('rt_const_None'));
        a.call(sym('rt_asend_send'));
        a.call(sym('rt_aw_next_result'));
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_next_async_generator_athrow',
      contract: 'next slot: rdi=athrow -> a value passed on, UNBOUND / StopIteration(value) when it completes, or EXC; may allocate, may raise',
      emit(a) {
        a.sub(rsp, 8);
        a.mov(rsi, g('rt_const_None'));
        a.call(sym('rt_athrow_send'));
        a.call(sym('rt_aw_next_result'));
        a.add(rsp, 8);
        a.ret();
      },
    },
    sendMethod('rt_asend_send_method', 'rt_asend_send'),
    sendMethod('rt_athrow_send_method', 'rt_athrow_send'),
    throwMethod('rt_asend_throw_method', 'rt_asend_throw'),
    throwMethod('rt_athrow_throw_method', 'rt_athrow_throw'),
    {
      name: 'rt_aw_close_method',
      contract: 'close() of asend/athrow awaitables: vector ABI -> None (the awaitable cannot run again)',
      emit(a) {
        a.mov(rax, qword(mem(rdi)));
        unboxPtr(a, rax);
        a.mov(qword(mem(rax, ASEND.state)), AW_CLOSED);
        a.mov(rax, g('rt_const_None'));
        a.ret();
      },
    },
    {
      name: 'rt_aw_await',
      contract: '__await__() of asend/athrow awaitables: vector ABI -> the awaitable itself',
      emit(a) {
        a.mov(rax, qword(mem(rdi)));
        a.ret();
      },
    },

    // ---- aiter(), anext() and anext's awaitable
    builtinRoutine('rt_builtin_aiter', "aiter(async_iterable): vector ABI -> type(x).__aiter__(x), or EXC (TypeError \"'T' object is not an async iterable\", \"aiter() returned not an async iterator of type 'T'\"); may allocate, may raise", AITER_SPEC, 1, (a, c) => {
      // CPython 3.11 PyObject_GetAIter.
      const missing = a.newLabel();
      a.mov(rdi, c.arg(0));
      a.mov(rsi, g('cstr_aiter.v'));
      a.lea(rdx, c.local(0));
      a.xor(ecx, ecx);
      a.call(sym('rt_call_dunder'));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(missing);
      a.cmp(rax, g('rt_const_exc'));
      a.je(c.out);
      a.mov(c.local(0), rax);
      a.mov(rdi, rax);
      a.call(sym('rt_type_of'));
      a.mov(rdi, rax);
      a.mov(rsi, g('cstr_anext.v'));
      a.call(sym('rt_type_lookup'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(c.out);
      a.cmp(rax, g('rt_const_unbound'));
      const ok = a.newLabel();
      a.jne(ok);
      a.mov(rdx, c.local(0));
      raiseFmt1(a, 'TypeError', 'msg_aiter_returned', rdx, c.out);
      a.bind(ok);
      a.mov(rax, c.local(0));
      a.jmp(c.out);
      a.bind(missing);
      a.mov(rdx, c.arg(0));
      raiseFmt1(a, 'TypeError', 'msg_not_async_iterable', rdx, c.out);
    }),
    builtinRoutine('rt_builtin_anext', "anext(aiterator[, default]): vector ABI -> the awaitable of type(x).__anext__(x), wrapped in an anext_awaitable with the default; or EXC (TypeError \"'T' object is not an async iterator\"); may allocate, may raise", ANEXT_SPEC, 1, (a, c) => {
      // CPython 3.11 builtin_anext_impl.
      const missing = a.newLabel();
      const got = a.newLabel();
      const notGen = a.newLabel();
      a.mov(rax, c.arg(0));
      ifNotType(a, rax, rcx, 'async_generator', notGen);
      a.mov(rdi, c.arg(0));
      a.mov(rsi, g('rt_const_None'));
      a.call(sym('rt_agen_asend_new'));
      a.jmp(got);
      a.bind(notGen);
      a.mov(rdi, c.arg(0));
      a.mov(rsi, g('cstr_anext.v'));
      a.lea(rdx, c.local(0));
      a.xor(ecx, ecx);
      a.call(sym('rt_call_dunder'));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(missing);
      a.cmp(rax, g('rt_const_exc'));
      a.je(c.out);
      a.bind(got);
      a.mov(rcx, c.arg(1));
      a.cmp(rcx, g('rt_const_unbound'));
      a.je(c.out);
      a.mov(c.local(0), rax);
      allocFixed(a, 'anext_awaitable', ANEXT_AW.size);
      a.mov(rcx, c.local(0));
      a.mov(qword(mem(rax, ANEXT_AW.wrapped)), rcx);
      a.mov(rcx, c.arg(1));
      a.mov(qword(mem(rax, ANEXT_AW.dflt)), rcx);
      boxPtr(a, rax, rcx);
      a.jmp(c.out);
      a.bind(missing);
      a.mov(rdx, c.arg(0));
      raiseFmt1(a, 'TypeError', 'msg_not_async_iterator', rdx, c.out);
    }),
    {
      name: 'rt_anext_aw_iter',
      contract: 'rdi=anext_awaitable -> rax=the iterator of its wrapped awaitable (anextawaitable_getiter: the coroutine itself, an asend/athrow awaitable itself, else __await__()), or EXC; may allocate, may raise',
      emit(a) {
        a.sub(rsp, 8);
        unboxPtr(a, rdi);
        a.mov(rdi, qword(mem(rdi, ANEXT_AW.wrapped)));
        a.call(sym('rt_awaitable_iter'));
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_anext_aw_default',
      contract: 'rdi=anext_awaitable, rax/rdx as rt_gen_resume after a step -> the same, except that StopAsyncIteration becomes the completion with the default (rax = default, rdx = 0); may allocate',
      emit(a) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rdx);
        a.cmp(rax, g('rt_const_exc'));
        a.jne(out);
        pendingIs(a, 'StopAsyncIteration');
        a.test(eax, eax);
        a.mov(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, ANEXT_AW.dflt)));
        a.xor(r13d, r13d);
        a.bind(out);
        a.mov(rdx, r13);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_anext_aw_send',
      contract: 'rdi=anext_awaitable, rsi=value -> as rt_gen_resume: a step of the wrapped awaitable (rdx = 1 passed on, rdx = 0 its result), its StopAsyncIteration completing with the default; or EXC; may allocate, may raise',
      emit(a) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_anext_aw_iter'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        a.call(sym('rt_send'));
        a.mov(rdi, r12);
        a.call(sym('rt_anext_aw_default'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    sendMethod('rt_anext_aw_send_method', 'rt_anext_aw_send'),
    {
      name: 'rt_anext_aw_throw_method',
      contract: 'anext_awaitable.throw(...): vector ABI -> the iterator of the wrapped awaitable\'s throw(...), StopAsyncIteration becoming StopIteration(default); may allocate, may raise',
      emit(a) {
        // anextawaitable_proxy(obj, "throw", args).
        const out = a.newLabel();
        prologue(a, [r12, r13, r14], 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, qword(mem(rdi)));
        a.call(sym('rt_anext_aw_iter'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('cstr_throw_name')));
        a.lea(rdx, mem(r12, 8));
        a.lea(rcx, mem(r13, -1));
        a.call(sym('rt_call_method_by_cstr'));
        a.cmp(rax, g('rt_const_exc'));
        a.jne(out);
        a.mov(rdi, qword(mem(r12)));
        a.mov(edx, 1);
        a.call(sym('rt_anext_aw_default'));
        a.call(sym('rt_gen_result_to_send'));
        a.bind(out);
        epilogue(a, [r12, r13, r14], 8);
      },
    },
    {
      name: 'rt_anext_aw_close_method',
      contract: 'anext_awaitable.close(): vector ABI -> the wrapped awaitable\'s iterator\'s close(), or EXC; may allocate, may raise',
      emit(a) {
        const out = a.newLabel();
        a.sub(rsp, 8);
        a.mov(rdi, qword(mem(rdi)));
        a.call(sym('rt_anext_aw_iter'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('cstr_close_name')));
        a.xor(edx, edx);
        a.xor(ecx, ecx);
        a.call(sym('rt_call_method_by_cstr'));
        a.bind(out);
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_iter_anext_awaitable',
      contract: 'iter slot: rdi -> itself',
      emit(a) {
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_next_anext_awaitable',
      contract: 'next slot: rdi=anext_awaitable -> a value passed on, UNBOUND / StopIteration(value) when it completes, or EXC; may allocate, may raise',
      emit(a) {
        a.sub(rsp, 8);
        a.mov(rsi, g('rt_const_None'));
        a.call(sym('rt_anext_aw_send'));
        a.call(sym('rt_aw_next_result'));
        a.add(rsp, 8);
        a.ret();
      },
    },

    // ---- sys.set_asyncgen_hooks and async generator finalization (PEP 525)
    builtinRoutine('rt_sys_set_asyncgen_hooks', 'sys.set_asyncgen_hooks(firstiter=..., finalizer=...): vector ABI -> None; an omitted hook is kept, None removes it; TypeError for a hook that is not callable; may allocate', HOOKS_SPEC, 0, (a, c) => {
      const rooted = a.newLabel();
      a.cmp(qword(rip(sym('rt_agen_hooks_rooted'))), 0);
      a.jne(rooted);
      a.mov(qword(rip(sym('rt_agen_hooks_rooted'))), 1);
      a.lea(rdi, rip(sym('rt_agen_hooks')));
      a.mov(esi, 2);
      a.call(sym('rt_gc_add_roots'));
      a.bind(rooted);
      // CPython checks both before setting either.
      for (const [k, msg] of [[0, 'msg_hook_firstiter'], [1, 'msg_hook_finalizer']] as const) {
        const fine = a.newLabel();
        a.mov(rdi, c.arg(k));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(fine);
        a.cmp(rdi, g('rt_const_None'));
        a.je(fine);
        a.call(sym('rt_type_of'));
        a.cmp(qword(mem(rax, typeSlot('call'))), 0);
        a.jne(fine);
        a.mov(rdx, c.arg(k));
        raiseFmt1(a, 'TypeError', msg, rdx, c.out);
        a.bind(fine);
      }
      for (const k of [0, 1]) {
        const keep = a.newLabel();
        const store = a.newLabel();
        a.mov(rax, c.arg(k));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(keep);
        a.cmp(rax, g('rt_const_None'));
        a.jne(store);
        a.mov(rax, g('rt_const_unbound'));
        a.bind(store);
        a.mov(qword(rip(sym('rt_agen_hooks'), 8 * k)), rax);
        a.bind(keep);
      }
      a.mov(rax, g('rt_const_None'));
    }),
    {
      name: 'rt_agen_init_hooks',
      contract: 'rdi=async generator -> rax=0 after calling the firstiter hook with it on its first asend/athrow (async_gen_init_hooks), or EXC; may allocate, may raise',
      emit(a) {
        const out = a.newLabel();
        const done = a.newLabel();
        prologue(a, [r12], 8);
        a.mov(r12, rdi);
        a.mov(qword(mem(rsp)), rdi);
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.test(dword(mem(rcx, HDR_AUX)), GEN_AUX_HOOKS_INITED);
        a.jne(done);
        a.or(dword(mem(rcx, HDR_AUX)), GEN_AUX_HOOKS_INITED);
        a.mov(rdi, qword(rip(sym('rt_agen_hooks'))));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(done);
        a.sub(rsp, 16);
        a.mov(qword(mem(rsp)), r12);
        a.mov(rsi, rsp);
        a.mov(edx, 1);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.add(rsp, 16);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12], 8);
      },
    },
    {
      name: 'rt_agen_finalize',
      contract: 'rdi=async generator a loop owned and dropped -> rax=0: a started, unfinished one goes to the finalizer hook when its first iteration saw one (asyncio schedules aclose()), else it is closed here (gen_close); errors are dropped (CPython reports them as unraisable); may allocate',
      emit(a) {
        const done = a.newLabel();
        const close = a.newLabel();
        prologue(a, [r12], 8);
        a.mov(r12, rdi);
        a.mov(qword(mem(rsp)), rdi);
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.mov(rax, qword(mem(rcx, GENERATOR.state)));
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.cmp(rax, GEN_FINISHED);
        a.je(done);
        a.test(rax, rax); // not started
        a.je(done);
        a.and(dword(mem(rcx, HDR_AUX)), ~GEN_AUX_LOOP_OWNED); // finalized once
        a.test(dword(mem(rcx, HDR_AUX)), GEN_AUX_HOOKS_INITED);
        a.je(close);
        a.test(dword(mem(rcx, HDR_AUX)), GEN_AUX_CLOSED);
        a.jne(close);
        a.mov(rdi, qword(rip(sym('rt_agen_hooks'), 8)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(close);
        a.sub(rsp, 16);
        a.mov(qword(mem(rsp)), r12);
        a.mov(rsi, rsp);
        a.mov(edx, 1);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.add(rsp, 16);
        a.jmp(done);
        a.bind(close);
        a.mov(rdi, r12);
        a.call(sym('rt_gen_close'));
        a.bind(done);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.xor(eax, eax);
        epilogue(a, [r12], 8);
      },
    },
    // ---- the instructions' runtime steps
    {
      name: 'rt_awaitable_iter',
      contract: 'rdi=value -> rax=the iterator `await value` drives (a coroutine or an asend/athrow awaitable itself, else __await__()), or EXC with edx=1 when the type has no __await__ (TypeError raised), edx=0 for other errors; may allocate, may raise',
      emit(a) {
        // CPython 3.11 _PyCoro_GetAwaitableIter.
        const out = a.newLabel();
        const self = a.newLabel();
        const noAwait = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, rdi);
        for (const t of ['coroutine', 'async_generator_asend', 'async_generator_athrow', 'anext_awaitable']) {
          const next = a.newLabel();
          ifNotType(a, r12, rax, t, next);
          a.jmp(self);
          a.bind(next);
        }
        a.sub(rsp, 16);
        a.mov(rdi, r12);
        a.mov(rsi, g('cstr_await.v'));
        a.mov(rdx, rsp);
        a.xor(ecx, ecx);
        a.call(sym('rt_call_dunder'));
        a.add(rsp, 16);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noAwait);
        a.xor(edx, edx);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r13, rax);
        // __await__ must return an iterator, and not a coroutine (PEP 492).
        const notCoro = a.newLabel();
        ifNotType(a, r13, rax, 'coroutine', notCoro);
        raiseCstr(a, 'TypeError', 'msg_await_returned_coro', out);
        a.bind(notCoro);
        a.mov(rdi, r13);
        a.call(sym('rt_type_of'));
        a.cmp(qword(mem(rax, typeSlot('next'))), 0);
        const isIter = a.newLabel();
        a.jne(isIter);
        raiseFmt1(a, 'TypeError', 'msg_await_non_iterator', r13, out);
        a.bind(isIter);
        a.mov(rax, r13);
        a.xor(edx, edx);
        a.jmp(out);
        a.bind(self);
        a.mov(rax, r12);
        a.xor(edx, edx);
        a.jmp(out);
        a.bind(noAwait);
        a.mov(rdx, r12);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_not_awaitable')));
        a.call(sym('rt_raise_fmt'));
        a.mov(edx, 1);
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
    {
      name: 'rt_get_awaitable',
      contract: 'GET_AWAITABLE: rdi=value, esi=where (0 await, 1 __aenter__ result, 2 __aexit__ result) -> rax=the iterator to drive, or EXC; "coroutine is being awaited already"; may allocate, may raise',
      emit(a) {
        const out = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, rdi);
        a.mov(r13d, esi);
        a.call(sym('rt_awaitable_iter'));
        a.cmp(rax, g('rt_const_exc'));
        const ok = a.newLabel();
        a.jne(ok);
        // format_awaitable_error: async with's own message for a type without __await__.
        a.test(edx, edx);
        a.je(out);
        a.cmp(r13, 0);
        a.je(out);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        const exit = a.newLabel();
        a.cmp(r13, 2);
        a.je(exit);
        raiseFmt1(a, 'TypeError', 'msg_aenter_not_awaitable', r12, out);
        a.bind(exit);
        raiseFmt1(a, 'TypeError', 'msg_aexit_not_awaitable', r12, out);
        a.bind(ok);
        const done = a.newLabel();
        a.mov(r12, rax);
        ifNotType(a, rax, rcx, 'coroutine', done);
        a.mov(rdi, r12);
        a.call(sym('rt_gen_yf'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(done);
        raiseCstr(a, 'RuntimeError', 'msg_coro_awaited', out);
        a.bind(done);
        a.mov(rax, r12);
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
    {
      name: 'rt_get_aiter',
      contract: 'GET_AITER: rdi=value -> rax=type(value).__aiter__(value), which must have __anext__, or EXC (TypeError with CPython\'s messages); may allocate, may raise',
      emit(a) {
        const out = a.newLabel();
        const missing = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, rdi);
        const notGen = a.newLabel();
        ifNotType(a, r12, rax, 'async_generator', notGen);
        a.mov(rax, r12);
        a.jmp(out);
        a.bind(notGen);
        a.sub(rsp, 16);
        a.mov(rdi, r12);
        a.mov(rsi, g('cstr_aiter.v'));
        a.mov(rdx, rsp);
        a.xor(ecx, ecx);
        a.call(sym('rt_call_dunder'));
        a.add(rsp, 16);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(missing);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r13, rax);
        a.mov(rdi, rax);
        a.call(sym('rt_type_of'));
        a.mov(rdi, rax);
        a.mov(rsi, g('cstr_anext.v'));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        const hasNext = a.newLabel();
        a.jne(hasNext);
        raiseFmt1(a, 'TypeError', 'msg_aiter_no_anext', r13, out);
        a.bind(hasNext);
        a.mov(rax, r13);
        a.jmp(out);
        a.bind(missing);
        raiseFmt1(a, 'TypeError', 'msg_no_aiter', r12, out);
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
    {
      name: 'rt_get_anext',
      contract: 'GET_ANEXT: rdi=async iterator -> rax=the awaitable of its __anext__(), or EXC (TypeError with CPython\'s messages); may allocate, may raise',
      emit(a) {
        const out = a.newLabel();
        const missing = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, rdi);
        const notGen = a.newLabel();
        ifNotType(a, r12, rax, 'async_generator', notGen);
        a.mov(rdi, r12);
        a.mov(rsi, g('rt_const_None'));
        a.call(sym('rt_agen_asend_new'));
        a.jmp(out);
        a.bind(notGen);
        a.sub(rsp, 16);
        a.mov(rdi, r12);
        a.mov(rsi, g('cstr_anext.v'));
        a.mov(rdx, rsp);
        a.xor(ecx, ecx);
        a.call(sym('rt_call_dunder'));
        a.add(rsp, 16);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(missing);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r13, rax);
        a.mov(rdi, rax);
        a.call(sym('rt_awaitable_iter'));
        a.cmp(rax, g('rt_const_exc'));
        a.jne(out);
        // _PyErr_FormatFromCause: the new TypeError's __cause__ (and __context__) is that error.
        a.mov(r12, g('rt_exc'));
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.mov(rdx, r13);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_anext_invalid')));
        a.call(sym('rt_raise_fmt'));
        a.mov(rcx, g('rt_exc'));
        unboxPtr(a, rcx);
        a.mov(qword(mem(rcx, EXCEPTION.cause)), r12);
        a.mov(qword(mem(rcx, EXCEPTION.context)), r12);
        a.mov(rdx, boxInt(1n));
        a.mov(qword(mem(rcx, EXCEPTION.suppress)), rdx);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(missing);
        raiseFmt1(a, 'TypeError', 'msg_no_anext', r12, out);
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
    {
      name: 'rt_end_async_for',
      contract: 'END_ASYNC_FOR: rdi=the exception that ended __anext__ -> eax=0 for StopAsyncIteration (the loop ends), else rax=EXC with it back in rt_exc (to re-raise); no alloc',
      emit(a) {
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.lea(rsi, rip(sym('type_StopAsyncIteration')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        const other = a.newLabel();
        a.je(other);
        a.xor(eax, eax);
        const out = a.newLabel();
        a.jmp(out);
        a.bind(other);
        a.mov(g('rt_exc'), r12);
        a.mov(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_before_async_with',
      contract: 'BEFORE_ASYNC_WITH: rdi=asynchronous context manager, rsi=address of a value word (a GC root) -> [rsi] = bound __aexit__, rax = __aenter__() (an awaitable) or EXC (TypeError when the type lacks either method); may allocate, may raise',
      emit(a) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const noEnter = a.newLabel();
        const noExit = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_type_of'));
        a.mov(r14, rax);
        a.mov(rdi, r14);
        a.mov(rsi, g('cstr_aenter.v'));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noEnter);
        a.mov(qword(mem(rsp)), rax); // the unbound __aenter__ (machine stack: scanned)
        a.mov(rdi, r14);
        a.mov(rsi, g('cstr_aexit.v'));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noExit);
        a.mov(rdi, rax);
        a.mov(rsi, r12);
        a.mov(rdx, r14);
        boxPtr(a, rdx, rcx);
        a.call(sym('rt_bind_attr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(r13)), rax);
        a.mov(rdi, qword(mem(rsp)));
        a.mov(rsi, r12);
        a.mov(rdx, r14);
        boxPtr(a, rdx, rcx);
        a.call(sym('rt_bind_attr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.xor(esi, esi);
        a.xor(edx, edx);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.jmp(out);
        a.bind(noEnter);
        raiseFmt1(a, 'TypeError', 'msg_no_aenter', r12, out);
        a.bind(noExit);
        raiseFmt1(a, 'TypeError', 'msg_no_aexit', r12, out);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
  ],
  data: [
    cstr('fmt_repr_coroutine', '<coroutine object %U at %p>'),
    cstr('fmt_repr_async_generator', '<async_generator object %U at %p>'),
    cstr('msg_asend_args', 'async_generator.asend() takes exactly one argument (%d given)'),
    cstr('msg_athrow_args', 'athrow expected at least 1 argument, got %d'),
    cstr('msg_asend_reused', 'cannot reuse already awaited __anext__()/asend()'),
    cstr('msg_athrow_reused', 'cannot reuse already awaited aclose()/athrow()'),
    cstr('msg_anext_running', 'anext(): asynchronous generator is already running'),
    cstr('msg_athrow_running', 'athrow(): asynchronous generator is already running'),
    cstr('msg_aclose_running', 'aclose(): asynchronous generator is already running'),
    cstr('msg_athrow_nonnone', "can't send non-None value to a just-started coroutine"),
    cstr('msg_agen_ignored_exit', 'async generator ignored GeneratorExit'),
    cstr('msg_not_async_iterable', "'%T' object is not an async iterable"),
    cstr('msg_not_async_iterator', "'%T' object is not an async iterator"),
    cstr('msg_aiter_returned', "aiter() returned not an async iterator of type '%T'"),
    cstr('cstr_throw_name', 'throw'),
    cstr('cstr_close_name', 'close'),
    ...specData(AITER_SPEC),
    ...specData(ANEXT_SPEC),
    ...specData(HOOKS_SPEC),
    cstr('msg_hook_firstiter', 'callable firstiter expected, got %T'),
    cstr('msg_hook_finalizer', 'callable finalizer expected, got %T'),
    { name: 'rt_agen_hooks', section: 'data', align: 8, emit: (a) => { a.u64(UNBOUND); a.u64(UNBOUND); } },
    { name: 'rt_agen_hooks_rooted', section: 'data', align: 8, emit: (a) => a.u64(0n) },
    cstr('msg_not_awaitable', "object %T can't be used in 'await' expression"),
    cstr('msg_await_returned_coro', '__await__() returned a coroutine'),
    cstr('msg_await_non_iterator', "__await__() returned non-iterator of type '%T'"),
    cstr('msg_coro_awaited', 'coroutine is being awaited already'),
    cstr('msg_aenter_not_awaitable', "'async with' received an object from __aenter__ that does not implement __await__: %T"),
    cstr('msg_aexit_not_awaitable', "'async with' received an object from __aexit__ that does not implement __await__: %T"),
    cstr('msg_no_aiter', "'async for' requires an object with __aiter__ method, got %T"),
    cstr('msg_aiter_no_anext', "'async for' received an object from __aiter__ that does not implement __anext__: %T"),
    cstr('msg_no_anext', "'async for' requires an iterator with __anext__ method, got %T"),
    cstr('msg_anext_invalid', "'async for' received an invalid object from __anext__: %T"),
    cstr('msg_no_aenter', "'%T' object does not support the asynchronous context manager protocol"),
    cstr('msg_no_aexit', "'%T' object does not support the asynchronous context manager protocol (missed __aexit__ method)"),
    ...staticStr('cstr_await', '__await__'),
    ...staticStr('cstr_aiter', '__aiter__'),
    ...staticStr('cstr_anext', '__anext__'),
    ...staticStr('cstr_aenter', '__aenter__'),
    ...staticStr('cstr_aexit', '__aexit__'),
  ],
};
