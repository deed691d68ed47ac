// The .snn language, version 1. See docs/language.md.
// The grammar is deliberately generic (settings are `name = value;`): names and
// dimensions are checked when the AST is lowered, where errors can say
// "did you mean" and name both units.
grammar Snn;

file      : decl* EOF ;

decl      : include | network | model | target ;

include   : 'include' STRING ';' ;

network   : 'network' ident '{' netItem* '}' ;

netItem   : setting | model | population | projection | record | target | include ;

setting   : ident '=' value ';' ;

model     : 'model' ident ':' ident '{' modelItem* '}' ;

modelItem : setting | synapse ;

synapse   : 'synapse' ident ( '{' setting* '}' | ';' ) ;

population: 'population' ident ':' ident shape ( '{' popItem* '}' | ';' ) ;

shape     : '[' INT ( ',' INT )* ']' ;

popItem   : setting | 'init' ident '=' value ';' | synapse ;

projection: 'projection' ( name=ident ':' )? pre=ident '->' post=ident ':' connector
            ( '{' setting* '}' | ';' ) ;

connector : ident ( '(' ( value ( ',' value )* )? ')' )? ;

record    : 'record' ident ':' ident ( ',' ident )* ';' ;

target    : 'target' ident '{' setting* '}' ;

value     : sign='-'? number=(INT | FLOAT) unit=ident?            # quantity
          | ident '(' ( value ( ',' value )* )? ')'              # call
          | '[' ( value ( ',' value )* ','? )? ']'               # list
          | '(' value ( ',' value )* ')'                         # tuple
          | neuron=INT '@' time=value                            # spikeAt
          | STRING                                               # string
          | '-' ident                                            # negatedName
          | ident                                                # name
          ;

// Keywords are reserved only where they start a declaration; elsewhere they are names.
ident     : ID | 'network' | 'model' | 'synapse' | 'population' | 'projection'
          | 'record' | 'target' | 'init' | 'include' ;

INT       : [0-9]+ ;
FLOAT     : [0-9]+ '.' [0-9]* EXP? | '.' [0-9]+ EXP? | [0-9]+ EXP ;
fragment EXP : [eE] [+-]? [0-9]+ ;
ID        : [a-zA-Z_] [a-zA-Z_0-9.]* | '`' ~[`\r\n]+ '`' ;  // backquoted: any name (NIR's `0`)
STRING    : '"' ( ~["\\\r\n] | '\\' ["\\] )* '"' ;

LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t\r\n]+ -> skip ;
ERROR_CHAR    : . ;
