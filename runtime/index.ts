// The hand-written runtime: every module, in link order.

import type { RuntimeModule } from '../src/native/rt.js';
import { mathModule } from './core/mathmodule.js';
import { mathModule2 } from './core/mathmodule2.js';
import { mathHypModule } from './core/mathhyp.js';
import { intModules } from './core/int_modules.js';
import { mathTrigModule } from './core/mathtrig.js';
import { floatMethodsModule } from './core/floatmethods.js';
import { floatFormatModule } from './core/floatformat.js';
import { floatParseModule } from './core/floatparse.js';
import { dtoaModule } from './core/dtoa.js';
import { floatModule } from './core/float.js';
import { floatOpsModule } from './core/floatops.js';
import { mathExpModule } from './core/mathexp.js';
import { callsModule } from './core/calls.js';
import { excModule } from './core/exc.js';
import { gcModule } from './core/gc.js';
import { initModule } from './core/init.js';
import { objectsModule } from './core/objects.js';
import { protocolModule } from './core/protocol.js';
import { strCoreModule } from './core/strcore.js';
import { sysModule } from './core/sys.js';
import { tupleModule } from './core/tuple.js';
import { valueModule } from './core/value.js';
import { attrsModule } from './core/attrs.js';
import { attrCacheModule } from './core/attrcache.js';
import { instValuesModule } from './core/instvalues.js';
import { buildModule } from './core/build.js';
import { builtinFunctionObjects, builtinsModule } from './core/builtins.js';
import { classesModule } from './core/classes.js';
import { mroEntriesModule } from './core/mroentries.js';
import { atexitRtModule } from './core/atexitrt.js';
import { entryModule } from './core/entry.js';
import { genModule } from './core/gen.js';
import { coroModule } from './core/coro.js';
import { userModulesModule } from './core/usermodules.js';
import { pyslotsModule } from './core/pyslots.js';
import { funcModule } from './core/func.js';
import { callExModule } from './core/callex.js';
import { namespacesModule } from './core/namespaces.js';
import { evalCallModule } from './core/evalcall.js';
import { localsCallModule } from './core/localscall.js';
import { builtinDocsModule } from './core/builtindocs.js';
import { iterStateModule } from './core/bi_iterstate.js';
import { modulesModule } from './core/modules.js';
import { abcFlagsModule } from './core/abcflags.js';
import { sysInfoModule } from './core/sysinfo.js';
import { globalsWriteModule } from './core/globalswrite.js';
import { timeModule } from './core/timemodule.js';
import { osFileModule } from './core/osfile.js';
import { classNsModule } from './core/classns.js';
import { funcReprModule } from './core/funcrepr.js';
import { opsModule } from './core/ops.js';
import { tracebackModule } from './core/traceback.js';
import { strFormatModule } from './core/strformat.js';
import { strMethodsModule } from './core/strmethods.js';
import { strCaseModule } from './core/strcase.js';
import { strSplitModule } from './core/strsplit.js';
import { strSearchModule } from './core/strsearch.js';
import { strArgsModule } from './core/strargs.js';
import { strReprModule } from './core/strrepr.js';
import { strOpsModule } from './core/strops.js';
import { unicodeModule } from './core/unicode.js';
import { strBaseModule } from './core/strbase.js';
import { strEncodeModule } from './core/strencode.js';
import { strPercentModule } from './core/strpercent.js';
import { contSharedModule } from './core/listshared.js';
import { sliceModule } from './core/slice.js';
import { listModule } from './core/list.js';
import { listSliceModule } from './core/listslice.js';
import { listMethodsModule } from './core/listmethods.js';
import { listSortModule } from './core/listsort.js';
import { tupleOpsModule } from './core/tupleops.js';
import { dictModule } from './core/dict.js';
import { dictViewsModule } from './core/dictviews.js';
import { dictMethodsModule } from './core/dictmethods.js';
import { methodsModule } from './core/methods.js';
import { setModule } from './core/set.js';
import { setOpsModule } from './core/setops.js';
import { setViewsModule } from './core/setviews.js';
import { rangeModule } from './core/range.js';
import { biModules } from './core/bi_modules.js';
import { containerBuiltinsModule } from './core/listbuiltins.js';
import { descrKitModule } from './core/descrkit.js';
import { descrModule } from './core/descr.js';
import { descrSuperModule } from './core/descrsuper.js';
import { excAttrsModule } from './core/excattrs.js';
import { wrappersModule } from './core/wrappers.js';
import { getsetModule } from './core/getset.js';
import { complexModule } from './core/complex.js';
import { complexFmtModule } from './core/complexfmt.js';
import { mathIntModule } from './core/mathint.js';
import { iterSeqModule } from './core/iterseq.js';
import { stdinModule } from './core/stdin.js';
import { bytesObjModule } from './core/bytesobj.js';
import { bytesMethModule } from './core/bytesmeth.js';
import { bytesCodecModule } from './core/bytescodec.js';
import { bytesxModule } from './core/bytesx.js';
import { genericAliasModule } from './core/genericalias.js';
import { gaAttrsModule } from './core/gaattrs.js';
import { withModule } from './core/withctx.js';
import { matchModule } from './core/match.js';
import { signalsModule } from './core/signals.js';
import { tbNotesModule } from './core/tbnotes.js';
import { suggestModule } from './core/suggest.js';
import { sysExcModule } from './core/sysexc.js';
import { excGroupModule } from './core/excgroup.js';
import { metaclassModule } from './core/metaclass.js';
import { unionModule } from './core/union.js';
import { intSubModule } from './core/intsub.js';
import { builtinSubModule } from './core/builtinsub.js';
import { slotsModule } from './core/slots.js';

/** All runtime modules of a compiled program. */
export function runtimeModules(): RuntimeModule[] {
  const modules: RuntimeModule[] = [sysModule, initModule, gcModule, valueModule, excModule, protocolModule, callsModule, strCoreModule, tupleModule, unicodeModule, strBaseModule, strEncodeModule, strPercentModule, strOpsModule, strReprModule, strArgsModule, strSearchModule, strSplitModule, dtoaModule, floatModule, floatOpsModule, mathExpModule, strCaseModule, strMethodsModule, floatParseModule, floatFormatModule, floatMethodsModule, mathTrigModule, mathHypModule, mathModule, mathModule2,
    // Containers (docs/containers.md).
    contSharedModule, sliceModule, listModule, listSliceModule, listMethodsModule, listSortModule, tupleOpsModule, dictModule, dictViewsModule, dictMethodsModule, strFormatModule, setModule, setOpsModule, setViewsModule, rangeModule, containerBuiltinsModule];
  // Ints (docs/int.md).
  modules.push(...intModules);
  // Calls, frames, tracebacks, generic operations, attributes, modules, entry.
  modules.push(funcModule, callExModule, namespacesModule, evalCallModule, localsCallModule, builtinDocsModule, iterStateModule, tracebackModule, tbNotesModule, suggestModule, sysExcModule, excGroupModule, withModule, matchModule, signalsModule, opsModule, attrsModule, attrCacheModule, instValuesModule, classesModule, classNsModule, mroEntriesModule, atexitRtModule, pyslotsModule, genModule, coroModule, modulesModule, sysInfoModule, abcFlagsModule, globalsWriteModule, timeModule, osFileModule, funcReprModule, userModulesModule, buildModule, builtinsModule, entryModule);
  // Builtin functions and types (docs/builtins-native.md).
  modules.push(...biModules, metaclassModule, unionModule, intSubModule, builtinSubModule);
  // Descriptor types, exception attributes; then the dunder methods of builtin types, computed
  // from every module above (keep them last). docs/classes-native.md.
  modules.push(descrKitModule, descrModule, descrSuperModule, excAttrsModule, slotsModule);
  // Data attributes of builtin types, complex numbers (docs/types-native.md).
  modules.push(getsetModule, complexModule, complexFmtModule, mathIntModule, iterSeqModule, stdinModule, bytesObjModule, bytesMethModule, bytesCodecModule, bytesxModule, genericAliasModule, gaAttrsModule);
  modules.push(wrappersModule(modules));
  return [...modules, objectsModule(modules), { name: 'builtin-objects', routines: [], data: builtinFunctionObjects(modules) }, methodsModule(modules)];
}
